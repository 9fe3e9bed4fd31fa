using MathNet.Numerics.Distributions;
using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Tests.Analysis;

public sealed class IntervalMethodTests
{
    // Skewed samples pressed against a bound: a share near 0 (mean about 0.016, like adoption) and a
    // positive quantity with a long tail (like records held). A symmetric t interval leaves the domain on these.
    private static double[] Shares(int n, Random rng) => Enumerable.Range(0, n).Select(_ => Beta.Sample(rng, 0.5, 30)).ToArray();

    private static double[] Positive(int n, Random rng) => Enumerable.Range(0, n).Select(_ => LogNormal.Sample(rng, 10, 2)).ToArray();

    [Fact]
    public void Of_SharesAndPositiveValuesForNFrom2To100_StayInsideTheDomain()
    {
        var rng = new Random(20261203);
        int symmetricOutside = 0;
        for (int n = 2; n <= 100; n++)
        {
            for (int trial = 0; trial < 20; trial++)
            {
                var share = SampleStatistics.Of(Shares(n, rng), ValueDomain.UnitInterval);
                var positive = SampleStatistics.Of(Positive(n, rng), ValueDomain.NonNegative);
                foreach (var s in new[] { share, positive })
                {
                    if (n < SampleStatistics.MinimumForInterval)
                    {
                        Assert.False(s.HasInterval);
                        continue;
                    }
                    Assert.True(s.CiLow <= s.Mean && s.Mean <= s.CiHigh, $"n {n}: mean {s.Mean} outside [{s.CiLow}, {s.CiHigh}]");
                }
                if (n >= SampleStatistics.MinimumForInterval)
                {
                    Assert.InRange(share.CiLow, 0, 1);
                    Assert.InRange(share.CiHigh, 0, 1);
                    Assert.True(positive.CiLow >= 0);
                    symmetricOutside += SampleStatistics.Of(Shares(n, rng)).CiLow < 0 ? 1 : 0;
                }
            }
        }
        // The samples are hostile enough that the plain t interval often does leave [0,1].
        Assert.True(symmetricOutside > 100, $"only {symmetricOutside} plain t intervals went below 0");
    }

    [Theory]
    [InlineData(2.0, 50.0, 5)]
    [InlineData(2.0, 50.0, 10)]
    [InlineData(0.5, 30.0, 10)]
    [InlineData(5.0, 5.0, 5)]
    [InlineData(1.0, 200.0, 30)]
    public void Of_BetaShares_CoverTheTrueMeanAbout95PercentOfTheTime(double alpha, double beta, int n)
    {
        // 4,000 intervals: the binomial sd of the coverage is 0.0034. Small skewed samples are the hard
        // case for any mean interval; the logit-scale t interval keeps coverage within 0.90-0.99 here.
        var rng = new Random(7 + n);
        double truth = alpha / (alpha + beta);
        int covered = 0;
        const int trials = 4000;
        for (int t = 0; t < trials; t++)
        {
            var s = SampleStatistics.Of(Enumerable.Range(0, n).Select(_ => Beta.Sample(rng, alpha, beta)).ToArray(), ValueDomain.UnitInterval);
            if (s.CiLow <= truth && truth <= s.CiHigh) covered++;
        }
        Assert.InRange(covered / (double)trials, 0.90, 0.99);
    }

    [Fact]
    public void Interval_MeanFarFromTheBounds_IsCloseToThePlainTInterval()
    {
        double[] values = [0.48, 0.52, 0.5, 0.49, 0.51];
        var plain = SampleStatistics.Of(values);
        var logit = SampleStatistics.Of(values, ValueDomain.UnitInterval);
        Assert.Equal(plain.CiLow, logit.CiLow, 3);
        Assert.Equal(plain.CiHigh, logit.CiHigh, 3);
    }

    [Fact]
    public void Interval_EveryValueOnTheBound_IsThatPoint()
    {
        var zeros = SampleStatistics.Of([0.0, 0.0, 0.0, 0.0], ValueDomain.UnitInterval);
        Assert.Equal((0.0, 0.0), (zeros.CiLow, zeros.CiHigh));
        var ones = SampleStatistics.Of([1.0, 1.0, 1.0], ValueDomain.UnitInterval);
        Assert.Equal((1.0, 1.0), (ones.CiLow, ones.CiHigh));
    }

    [Fact]
    public void Interval_CountsNearZero_AreAsymmetricAndPositive()
    {
        // mean 0.5, sd 0.577, n 4: the plain t interval is 0.5 -/+ 0.919, below zero; on the log scale it is [0.2, 2.5].
        var s = SampleStatistics.Of([0.0, 0.0, 1.0, 1.0], ValueDomain.NonNegative);
        double factor = Math.Exp(SampleStatistics.TQuantile(3) * 0.5773502691896258 / 2 / 0.5);
        Assert.Equal(0.5 / factor, s.CiLow, 12);
        Assert.Equal(0.5 * factor, s.CiHigh, 12);
        Assert.True(s.CiLow > 0);
    }
}
