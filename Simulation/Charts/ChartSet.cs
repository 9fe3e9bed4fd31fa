using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>The charts of a run folder, drawn together.</summary>
internal static class ChartSet
{
    private static readonly (string FileName, Func<Scenario, IReadOnlyList<RunResult>, ChartImage> Render)[] RunCharts =
    [
        (ReputationChart.FileName, ReputationChart.Render),
        (PartnersChart.FileName, PartnersChart.Render),
        (AdoptionChart.FileName, AdoptionChart.Render),
        (RecordsChart.FileName, RecordsChart.Render),
        (InstitutionReputationChart.FileName, InstitutionReputationChart.Render),
    ];

    /// <summary>File names of the run charts, in drawing order.</summary>
    public static IReadOnlyList<string> RunChartFiles { get; } = RunCharts.Select(c => c.FileName).ToArray();

    /// <summary>Every run chart of these results, ready to render.</summary>
    public static IReadOnlyList<ChartJob> RunJobs(Scenario scenario, IReadOnlyList<RunResult> results) =>
        RunCharts.Select(c => new ChartJob(c.FileName, () => c.Render(scenario, results))).ToList();
}
