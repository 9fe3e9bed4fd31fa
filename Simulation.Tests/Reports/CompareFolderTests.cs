using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Reports;

public sealed class CompareFolderTests
{
    private const string Metric = "final_reputation";

    private static readonly Scenario Grid = new()
    {
        Name = "grid",
        Sweep = new SweepSettings { Parameters = [new SweepParameter { Path = "platform.scar", Values = [0, 0.4] }], Replications = 3 },
    };

    /// <summary>A sweep side of two design points (scar 0 and 0.4), three replications each, with the given seeds and values per point.</summary>
    private static CompareSide Side(string label, ulong[][] seeds, double[][] values)
    {
        var points = new List<SweepChartData.PointRow>();
        var replicates = new Dictionary<int, IReadOnlyList<SweepReplicate>>();
        for (int p = 0; p < 2; p++)
        {
            points.Add(new SweepChartData.PointRow(p, [p * 0.4], new Dictionary<string, SampleStatistics> { [Metric] = SampleStatistics.Of(values[p], ValueDomain.UnitInterval) }));
            replicates[p] = values[p].Select((v, r) => new SweepReplicate(r, seeds[p][r], true, new Dictionary<string, double> { [Metric] = v })).ToList();
        }
        return new CompareSide(label, "/nowhere", "sweep", Grid, null, 1, [], points, replicates);
    }

    private static readonly ulong[][] Seeds = [[11, 12, 13], [21, 22, 23]];
    private static readonly double[][] ValuesA = [[0.5, 0.6, 0.7], [0.4, 0.3, 0.5]];
    private static readonly double[][] ValuesB = [[0.6, 0.7, 0.82], [0.5, 0.4, 0.6]];

    [Fact]
    public void SweepRows_SameSeedsAtEveryPoint_PairedTOverReplications()
    {
        var sides = new[] { Side("a", Seeds, ValuesA), Side("b", Seeds, ValuesB) };
        var rows = CompareFolder.SweepRows(sides, [Metric]).Where(r => r[1] == "b").ToList();
        Assert.Equal(["paired_t", "paired_t"], rows.Select(r => r[13]));
        // Point 0: differences 0.1, 0.1, 0.12: mean 0.10667, sd 0.011547, t(2) = 4.3027, so half-width 0.028685.
        Assert.Equal(0.1066667, CsvFile.Number(rows[0][8]), 6);
        Assert.Equal(0.0779813, CsvFile.Number(rows[0][9]), 5);
        Assert.Equal(0.1353520, CsvFile.Number(rows[0][10]), 5);
        // Point 1: every difference is exactly 0.1 up to rounding: no spread, so the interval is the difference itself.
        Assert.Equal(0.1, CsvFile.Number(rows[1][8]), 12);
        Assert.Equal(0.1, CsvFile.Number(rows[1][9]), 9);
        Assert.Equal(("paired", 2, 2), CompareFolder.SweepPairing(sides));
    }

    [Fact]
    public void SweepRows_SeedsDifferAtOnePoint_WelchThereFromPointsAndMixedPairing()
    {
        ulong[][] other = [[11, 12, 13], [91, 92, 93]];
        var sides = new[] { Side("a", Seeds, ValuesA), Side("b", other, ValuesB) };
        var rows = CompareFolder.SweepRows(sides, [Metric]).Where(r => r[1] == "b").ToList();
        Assert.Equal(["paired_t", "welch_t"], rows.Select(r => r[13]));
        var welch = Difference.Welch(SampleStatistics.Of(ValuesA[1]), SampleStatistics.Of(ValuesB[1]));
        Assert.Equal(welch.CiLow, CsvFile.Number(rows[1][9]), 12);
        Assert.Equal(("mixed", 1, 2), CompareFolder.SweepPairing(sides));
    }

    [Fact]
    public void SweepRows_FailedRunOnOneSide_WelchAtThatPoint()
    {
        var b = Side("b", Seeds, ValuesB);
        var failed = b.Replicates!.ToDictionary(kv => kv.Key, kv => kv.Key == 0
            ? (IReadOnlyList<SweepReplicate>)kv.Value.Select((r, i) => i == 2 ? r with { Completed = false } : r).ToList() : kv.Value);
        var sides = new[] { Side("a", Seeds, ValuesA), b with { Replicates = failed } };
        Assert.Equal(["welch_t", "paired_t"], CompareFolder.SweepRows(sides, [Metric]).Where(r => r[1] == "b").Select(r => r[13]));
    }
}
