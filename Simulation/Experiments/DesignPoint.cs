namespace TrustSim.Experiments;

/// <summary>One point of an experiment design: a value for each swept parameter, in the order of the sweep's parameters.</summary>
internal sealed record DesignPoint(int Index, IReadOnlyList<double> Values);
