using TrustSim.Analysis;

namespace TrustSim.Charts;

/// <summary>
/// The indices of one metric to chart: S1 and ST rows (Sobol) or mu, mu_star and sigma rows (Morris).
/// <paramref name="Unsettled"/> are the rows the data do not pin down (drawn hatched or hollow, and
/// counted in the note with the sample size that would settle them).
/// </summary>
internal sealed record SensitivityChartSpec(string FileName, string Title, string Metric, IReadOnlyList<SensitivityRow> Rows,
    IReadOnlyList<SensitivityRow> Unsettled, string Note);
