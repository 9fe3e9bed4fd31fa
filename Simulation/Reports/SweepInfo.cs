namespace TrustSim.Reports;

/// <summary>What manifest.json adds for a sweep folder.</summary>
/// <param name="Design">Design name as the scenario spells it (grid, latin_hypercube...).</param>
/// <param name="Parameters">Swept parameter paths, in column order.</param>
/// <param name="Points">Design points.</param>
/// <param name="Replications">Replications per point.</param>
/// <param name="Runs">Runs in the plan (points x replications).</param>
/// <param name="Completed">Runs that completed.</param>
/// <param name="Failed">Runs recorded as failed (see runs.csv for their errors).</param>
/// <param name="Workers">Runs executed at once by the last invocation.</param>
/// <param name="Resumed">True when the last invocation continued an earlier journal.</param>
internal sealed record SweepInfo(string Design, IReadOnlyList<string> Parameters, int Points, int Replications, long Runs,
    long Completed, long Failed, int Workers, bool Resumed)
{
    /// <summary>How the intervals of points.csv (and threshold.csv) were built.</summary>
    public IntervalsManifest Intervals { get; init; } = IntervalsManifest.ForSummaryMetrics;
}
