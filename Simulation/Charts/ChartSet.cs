using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>The charts of a run folder, drawn together.</summary>
internal static class ChartSet
{
    private static readonly (string FileName, Func<Scenario, IReadOnlyList<RunResult>, byte[]> Render)[] RunCharts =
    [
        (ReputationChart.FileName, ReputationChart.Render),
        (PartnersChart.FileName, PartnersChart.Render),
        (AdoptionChart.FileName, AdoptionChart.Render),
        (RecordsChart.FileName, RecordsChart.Render),
        (InstitutionReputationChart.FileName, InstitutionReputationChart.Render),
    ];

    /// <summary>File names of the run charts, in drawing order.</summary>
    public static IReadOnlyList<string> RunChartFiles { get; } = RunCharts.Select(c => c.FileName).ToArray();

    /// <summary>
    /// Draws every run chart into <paramref name="chartsFolder"/> (created if missing), each
    /// written atomically. One chart failing does not stop the others: its problem is returned.
    /// </summary>
    public static ChartSetResult DrawRunCharts(string chartsFolder, Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var jobs = RunCharts.Select(c => (c.Item1, (Func<byte[]>)(() => c.Item2(scenario, results)))).ToList();
        return ChartJobs.Draw(chartsFolder, jobs);
    }
}

/// <summary>Paths of the charts written, and a message for each chart that could not be drawn.</summary>
internal sealed record ChartSetResult(IReadOnlyList<string> Written, IReadOnlyList<string> Problems);
