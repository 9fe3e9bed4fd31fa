namespace TrustSim.Charts;

/// <summary>
/// One side's values for one group of design points (one level combination of the other parameters)
/// against the charted parameter: means, or differences from side 1, with their 95% intervals.
/// </summary>
/// <param name="Group">Index into the spec's groups.</param>
/// <param name="Side">Index into the spec's sides.</param>
/// <param name="Low">Lower ends of the intervals; NaN where there is none (too few replications).</param>
internal sealed record CompareCurve(int Group, int Side, double[] X, double[] Value, double[] Low, double[] High);
