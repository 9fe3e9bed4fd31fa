using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>One side of a comparison: a run folder, a sweep folder or a scenario file (run here).</summary>
/// <param name="Label">Scenario name, or what sets the side apart when names are shared (see ScenarioDiff), made unique with " (2)", " (3)"...</param>
/// <param name="Kind">run, sweep or scenario.</param>
/// <param name="Runs">Replications with their time series and summaries (empty for a sweep side).</param>
/// <param name="Points">A sweep side's points.csv, read and checked when the side was opened (empty for runs).</param>
/// <param name="Replicates">A sweep side's runs.csv by design point (seeds and values, for paired differences); null when not read.</param>
internal sealed record CompareSide(string Label, string Path, string Kind, Scenario Scenario, string? Sha256, ulong MasterSeed,
    IReadOnlyList<RunResult> Runs, IReadOnlyList<SweepChartData.PointRow>? Points = null,
    IReadOnlyDictionary<int, IReadOnlyList<SweepReplicate>>? Replicates = null)
{
    public IReadOnlyList<ulong> Seeds => Runs.Select(r => r.Seed).ToArray();
}
