using TrustSim.Core;

namespace TrustSim.Metrics;

/// <summary>A named column of a result table, read from a record by compiled code (no string-keyed reflection).</summary>
/// <param name="Domain">The values the metric can take; its intervals and axes stay inside them.</param>
/// <param name="Unit">The unit in words ("people", "share of users"), as datapackage.json gives it; empty when dimensionless.</param>
internal sealed record MetricColumn<T>(string Name, string Description, Func<T, double> Read, ValueDomain Domain, string Unit = "");
