using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class DifferenceTests
{
    [Fact]
    public void Paired_DifferencesOneToFive_MatchesTheHandComputedTTest()
    {
        double[] a = [10, 20, 30, 40, 50];
        double[] b = [11, 22, 33, 44, 55];
        var d = Difference.Paired(a, b);
        // d = 1..5: mean 3, sd sqrt(2.5), se 0.70711, t = 4.2426 on 4 df; t(0.975, 4) = 2.7764.
        Assert.Equal(3, d.Estimate, 12);
        Assert.Equal(3 - 2.7764451 * Math.Sqrt(2.5 / 5), d.CiLow, 5);
        Assert.Equal(3 + 2.7764451 * Math.Sqrt(2.5 / 5), d.CiHigh, 5);
        Assert.Equal(0.01324, d.P, 4);
        Assert.Equal(3 / Math.Sqrt(2.5), d.EffectSize, 10);
        Assert.Equal("paired_t", d.Test);
    }

    [Fact]
    public void Paired_IdenticalSides_IsExactlyZeroWithPOne()
    {
        double[] a = [0.3, 0.5, 0.2, 0.9];
        var d = Difference.Paired(a, a);
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (d.Estimate, d.CiLow, d.CiHigh, d.P));
    }

    [Fact]
    public void Welch_WikipediaExampleOne_GivesItsTDfAndP()
    {
        // Welch's t-test, Wikipedia, example 1 (equal sizes, unequal variances): t = -2.46, df = 24.9, p = 0.021.
        double[] a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        var d = Difference.Welch(a1, a2);
        Assert.Equal(a2.Average() - a1.Average(), d.Estimate, 10);
        Assert.Equal(0.021, d.P, 3);
        Assert.True(d.CiLow > 0 && d.CiHigh > d.Estimate, $"[{d.CiLow}, {d.CiHigh}]");
        Assert.Equal("welch_t", d.Test);
    }

    [Fact]
    public void Paired_SpreadOfRoundingErrorOnly_HasAnUndefinedEffectSize()
    {
        // Stringency 0.1 plus an intervention's 0.2 on side 2, summed in different orders: the differences
        // vary by 1e-17, which a plain d_z would turn into an effect of about 1e16 standard deviations.
        double[] a = [0.1, 0.1, 0.1, 0.1];
        double[] b = [0.1 + 0.2, 0.2 + 0.1, 0.30000000000000004, 0.3];
        var d = Difference.Paired(a, b);
        Assert.Equal(0.2, d.Estimate, 12);
        Assert.True(double.IsNaN(d.EffectSize), $"effect {d.EffectSize}");
        Assert.Equal(d.Estimate, d.CiLow);
    }

    [Fact]
    public void Welch_BothSidesWithoutSpread_HasAnUndefinedEffectSize()
    {
        var d = Difference.Welch([0.1, 0.1, 0.1, 0.1], [0.3, 0.30000000000000004, 0.3, 0.3]);
        Assert.True(double.IsNaN(d.EffectSize));
        Assert.Equal(0.2, d.Estimate, 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void Paired_FewerThanThreePairs_GivesTheEstimateOnly(int n)
    {
        var d = Difference.Paired(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), Enumerable.Range(0, n).Select(i => i * 1.5 + 1).ToArray());
        Assert.True(double.IsFinite(d.Estimate));
        Assert.True(double.IsNaN(d.CiLow) && double.IsNaN(d.P));
    }
}
