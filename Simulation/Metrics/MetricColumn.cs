namespace TrustSim.Metrics;

/// <summary>A named column of a result table, read from a record by compiled code (no string-keyed reflection).</summary>
internal sealed record MetricColumn<T>(string Name, string Description, Func<T, double> Read);
