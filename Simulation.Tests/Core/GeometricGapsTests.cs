using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class GeometricGapsTests
{
    public static TheoryData<double> Chances => new()
    {
        0.1,                                 // users' reconsideration, weekly
        (0.03 + 0.38) / 52,                  // the top awareness chance, weekly
        1 - Math.Pow(1 - 0.1, 4.345),        // reconsideration, monthly
        0.5, 0.99, 1e-4, 1e-6, 1e-9,
        1, 0,                                // every user, no user
    };

    // What RandomStream.NextGap computes from the uniform k 2^-53.
    private static int Exact(ulong k, double logMiss)
    {
        var gap = Math.Log(1 - k * (1.0 / (1UL << 53))) / logMiss;
        return gap is >= 0 and < RandomStream.MaxGap ? (int)gap : RandomStream.MaxGap;
    }

    [Theory]
    [MemberData(nameof(Chances))]
    public void Next_AnySeed_DrawsWhatNextGapDraws(double chance)
    {
        var logMiss = RandomStream.LogMiss(chance);
        var gaps = GeometricGaps.For(logMiss, null);
        var stream = new RandomStream(7);
        var generator = new RandomStream(7).Generator;
        for (var d = 0; d < 1_000_000; d++) Assert.Equal(stream.NextGap(logMiss), gaps.Next(ref generator));
        Assert.Equal(stream.NextBits(), generator.NextBits());
    }

    // Where the table switches from one gap to the next, K_n = e^(n ln(1-p)) 2^53: every K within
    // 3,000 of each crossing (and all bucket edges) gives the logarithm's own result.
    [Theory]
    [MemberData(nameof(Chances))]
    public void GapOf_AroundEveryCrossingAndBucketEdge_MatchesTheLogarithm(double chance)
    {
        var logMiss = RandomStream.LogMiss(chance);
        var gaps = GeometricGaps.For(logMiss, null);
        const ulong whole = 1UL << 53;
        var checkedCrossings = 0;
        for (var n = 0; n < 3_000 && double.IsFinite(logMiss) && logMiss < 0; n++)
        {
            var crossing = Math.Exp(n * logMiss) * whole;
            if (crossing < 1 << 20) break;
            var center = (ulong)crossing;
            for (var big = center - 3_000; big <= Math.Min(whole, center + 3_000); big++)
                Assert.Equal(Exact(whole - big, logMiss), gaps.GapOf(whole - big));
            checkedCrossings++;
        }
        // Bucket edges: K = 2^e and 2^e (1 + j 2^-12), with their neighbours.
        for (var e = 30; e <= 53; e++)
            for (ulong j = 0; j < 1 << 12; j += 7)
            {
                var edge = (1UL << e) + (j << (e - 12));
                for (var big = edge - 2; big <= edge + 2; big++)
                    if (big is >= 1 and <= whole) Assert.Equal(Exact(whole - big, logMiss), gaps.GapOf(whole - big));
            }
        Assert.Equal(0, gaps.GapOf(0) == Exact(0, logMiss) ? 0 : 1);
        Assert.Equal(Exact(whole - 1, logMiss), gaps.GapOf(whole - 1));
        if (chance is > 0 and < 1) Assert.True(checkedCrossings > 0);
    }

    // The table must answer nearly every draw itself, or it would be the logarithm made slower.
    [Theory]
    [InlineData(0.1)]
    [InlineData((0.03 + 0.38) / 52)]
    [InlineData(0.5)]
    public void FromTable_UsualChances_AnswersAllButAFewIn10000Draws(double chance)
    {
        var gaps = GeometricGaps.For(RandomStream.LogMiss(chance), null);
        var rng = new RandomStream(3);
        var fallbacks = 0;
        for (var d = 0; d < 1_000_000; d++)
            if (!gaps.FromTable(rng.NextBits() >> 11)) fallbacks++;
        Assert.InRange(fallbacks, 0, 100);
    }

    // The direct table's slices are k in [j, j+1) 2^39: both ends of every slice, and their
    // neighbours, give the logarithm's own result.
    [Theory]
    [MemberData(nameof(Chances))]
    public void GapOf_AtEveryDirectSliceEdge_MatchesTheLogarithm(double chance)
    {
        var logMiss = RandomStream.LogMiss(chance);
        var gaps = GeometricGaps.For(logMiss, null);
        for (long j = 0; j < 1 << 14; j++)
            for (var k = (j << 39) - 2; k <= (j << 39) + 2; k++)
                if (k >= 0) Assert.Equal(Exact((ulong)k, logMiss), gaps.GapOf((ulong)k));
    }

    // The direct table (one read) must answer most draws at the users' usual chances.
    [Theory]
    [InlineData(0.1, 0.99)]
    [InlineData((0.03 + 0.38) / 52, 0.9)]
    public void Direct_UsualChances_AnswersMostDraws(double chance, double share)
    {
        var gaps = GeometricGaps.For(RandomStream.LogMiss(chance), null);
        var rng = new RandomStream(5);
        var direct = 0;
        for (var d = 0; d < 1_000_000; d++)
            if (gaps.Direct(rng.NextBits() >> 11)) direct++;
        Assert.InRange(direct / 1e6, share, 1);
    }

    [Fact]
    public void For_SameLogMiss_ReusesTheTable()
    {
        var gaps = GeometricGaps.For(RandomStream.LogMiss(0.1), null);
        Assert.Same(gaps, GeometricGaps.For(RandomStream.LogMiss(0.1), gaps));
        Assert.NotSame(gaps, GeometricGaps.For(RandomStream.LogMiss(0.2), gaps));
    }
}
