using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Of_FourValues_MatchesHandComputedTInterval()
    {
        // mean 2.5; sd = sqrt(5/3) = 1.290994; t(0.975, 3) = 3.182446; half-width = t * sd / 2 = 2.054260.
        var s = SampleStatistics.Of([1, 2, 3, 4]);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(1.2909944487358056, s.Sd, 12);
        Assert.Equal(2.5 - 2.0542603, s.CiLow, 6);
        Assert.Equal(2.5 + 2.0542603, s.CiHigh, 6);
        Assert.Equal(4, s.N);
    }

    [Fact]
    public void Of_OneOrNoValues_HasNoSpreadOrInterval()
    {
        var one = SampleStatistics.Of([0.7]);
        Assert.Equal(0.7, one.Mean);
        Assert.True(double.IsNaN(one.Sd) && double.IsNaN(one.CiLow) && double.IsNaN(one.CiHigh));
        Assert.True(double.IsNaN(SampleStatistics.Of([]).Mean));
    }

    [Fact]
    public void RunningMoments_SameValues_GiveTheSameStatisticsAsOf()
    {
        var moments = new RunningMoments();
        double[] values = [0.31, 0.27, 0.35, 0.29, 0.4];
        foreach (double v in values) moments.Add(v);
        var streamed = moments.Statistics(TrustSim.Core.ValueDomain.UnitInterval);
        var direct = SampleStatistics.Of(values, TrustSim.Core.ValueDomain.UnitInterval);
        Assert.Equal(direct.Mean, streamed.Mean, 12);
        Assert.Equal(direct.CiHigh, streamed.CiHigh, 12);
    }
}
