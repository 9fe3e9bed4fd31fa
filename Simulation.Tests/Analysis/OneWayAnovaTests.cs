using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class OneWayAnovaTests
{
    [Fact]
    public void Of_ThreeSmallGroups_MatchesTheHandComputedF()
    {
        // Groups {1,2,3}, {2,3,4}, {5,6,7}: means 2, 3, 6, grand mean 11/3; between SS = 3*(25/9 + 4/9 + 49/9) = 26,
        // df 2; within SS = 2 + 2 + 2 = 6, df 6; F = 13 / 1 = 13; p = P(F(2,6) > 13) = 0.006591.
        var cells = new[] { SampleStatistics.Of([1.0, 2, 3]), SampleStatistics.Of([2.0, 3, 4]), SampleStatistics.Of([5.0, 6, 7]) };
        var a = OneWayAnova.Of(cells);
        Assert.Equal(13, a.F, 10);
        Assert.Equal((2, 6), (a.BetweenDf, a.WithinDf));
        Assert.Equal(0.006591, a.P, 5);
    }

    [Fact]
    public void Of_CellsDrawnFromOneDistribution_RejectsAboutFivePercentOfTheTime()
    {
        var rng = new Random(3);
        int rejected = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var cells = Enumerable.Range(0, 12).Select(_ => SampleStatistics.Of(Enumerable.Range(0, 4).Select(_ => rng.NextDouble()).ToArray())).ToArray();
            if (OneWayAnova.Of(cells).P < 0.05) rejected++;
        }
        Assert.InRange(rejected / 2000.0, 0.035, 0.065);
    }

    [Fact]
    public void Of_OneReplicationPerCell_IsUndefined()
    {
        var cells = new[] { SampleStatistics.Of([1.0]), SampleStatistics.Of([2.0]), SampleStatistics.Of([4.0]) };
        Assert.False(OneWayAnova.Of(cells).IsDefined);
    }
}
