using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Tests.Analysis;

public sealed class MeanOfMeansTests
{
    [Fact]
    public void Of_TwoGroupsOfShares_AveragesAndStaysInsideTheUnitInterval()
    {
        var a = SampleStatistics.Of([0.01, 0.02, 0.0, 0.03], ValueDomain.UnitInterval);
        var b = SampleStatistics.Of([0.05, 0.0, 0.01, 0.02], ValueDomain.UnitInterval);
        var pooled = MeanOfMeans.Of([a, b], ValueDomain.UnitInterval);
        Assert.Equal((a.Mean + b.Mean) / 2, pooled.Mean, 12);
        Assert.Equal(8, pooled.N);
        Assert.True(pooled.CiLow > 0 && pooled.CiLow < pooled.Mean && pooled.CiHigh > pooled.Mean && pooled.CiHigh < 1);
    }

    [Fact]
    public void Of_OneGroup_SameIntervalAsTheGroup()
    {
        var a = SampleStatistics.Of([1.0, 2, 4, 3], ValueDomain.Real);
        var pooled = MeanOfMeans.Of([a], ValueDomain.Real);
        Assert.Equal(a.CiLow, pooled.CiLow, 10);
        Assert.Equal(a.CiHigh, pooled.CiHigh, 10);
    }

    [Fact]
    public void Of_GroupWithTwoValues_NoInterval()
    {
        var pooled = MeanOfMeans.Of([SampleStatistics.Of([1.0, 2, 3]), SampleStatistics.Of([1.0, 2])], ValueDomain.Real);
        Assert.Equal(1.75, pooled.Mean, 12);
        Assert.True(double.IsNaN(pooled.CiLow));
    }
}
