namespace TrustSim.Charts;

/// <summary>One line (or set of points) of a response chart: a metric's means with 95% intervals against a parameter.</summary>
/// <param name="Label">Legend text; empty for a single line.</param>
/// <param name="Low">Lower ends of the intervals; NaN where a point has too few replications for an interval.</param>
internal sealed record ResponseLine(string Label, double[] X, double[] Mean, double[] Low, double[] High);
