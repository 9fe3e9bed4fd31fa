using TrustSim.Analysis;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// What manifest.json says about the intervals in points.csv, comparison.csv and threshold.csv (and
/// drawn on their charts): the level, the fewest replications that get one, and for each summary metric
/// the method used, with each method described in words.
/// </summary>
internal sealed record IntervalsManifest(double Level, int MinimumReplications, IReadOnlyDictionary<string, string> Methods,
    IReadOnlyDictionary<string, string> MethodDescriptions)
{
    public static IntervalsManifest ForSummaryMetrics { get; } = new(SampleStatistics.Level, SampleStatistics.MinimumForInterval,
        SummaryMetrics.Columns.ToDictionary(c => c.Name, c => IntervalMethod.For(c.Domain).Name),
        new[] { IntervalMethod.StudentT, IntervalMethod.LogT, IntervalMethod.LogitT }.ToDictionary(m => m.Name, m => m.Description));
}
