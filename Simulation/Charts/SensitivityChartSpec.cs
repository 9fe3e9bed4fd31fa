using TrustSim.Analysis;

namespace TrustSim.Charts;

/// <summary>The indices of one metric to chart: S1 and ST rows (Sobol) or mu, mu_star and sigma rows (Morris).</summary>
internal sealed record SensitivityChartSpec(string FileName, string Title, string Metric, IReadOnlyList<SensitivityRow> Rows, string Note);
