using MathNet.Numerics.Distributions;
using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class RandomStreamTests
{
    // Skipping by geometric gaps must pick each of n positions independently with chance p:
    // per-position frequencies, the count per sweep (Binomial(n, p), chi-square) and a pair of
    // neighbouring positions (p^2) all checked.
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.3)]
    public void NextGap_SkippingOverPositions_SelectsEachIndependentlyWithChanceP(double p)
    {
        const int N = 40;
        const int Sweeps = 100_000;
        var rng = new RandomStream(42);
        var logMiss = RandomStream.LogMiss(p);
        var perPosition = new int[N];
        var perCount = new int[N + 1];
        var pairs = 0;
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var count = 0;
            var first = false;
            for (var i = rng.NextGap(logMiss); i < N; i += 1 + rng.NextGap(logMiss))
            {
                perPosition[i]++;
                count++;
                if (i == 0) first = true;
                if (i == 1 && first) pairs++;
            }
            perCount[count]++;
        }
        var sd = Math.Sqrt(p * (1 - p) / Sweeps);
        Assert.All(perPosition, c => Assert.InRange((double)c / Sweeps, p - 5 * sd, p + 5 * sd));
        var pairSd = Math.Sqrt(p * p * (1 - p * p) / Sweeps);
        Assert.InRange((double)pairs / Sweeps, p * p - 5 * pairSd, p * p + 5 * pairSd);

        // Chi-square of the counts against Binomial(N, p), pooling cells with fewer than 5 expected.
        double chi = 0, pooledObserved = 0, pooledExpected = 0;
        var cells = 0;
        for (var k = 0; k <= N; k++)
        {
            var expected = Sweeps * Binomial.PMF(p, N, k);
            if (expected < 5)
            {
                pooledObserved += perCount[k];
                pooledExpected += expected;
                continue;
            }
            chi += (perCount[k] - expected) * (perCount[k] - expected) / expected;
            cells++;
        }
        if (pooledExpected > 0)
        {
            chi += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        // 0.1% critical value: a correct sampler fails this one time in a thousand.
        Assert.True(chi < ChiSquared.InvCDF(cells - 1, 0.999), $"chi-square {chi:F1} on {cells - 1} degrees of freedom");
    }

    [Fact]
    public void NextGap_ChanceZeroOrOne_SkipsAllOrNone()
    {
        var rng = new RandomStream(1);
        for (var k = 0; k < 1000; k++)
        {
            Assert.Equal(RandomStream.MaxGap, rng.NextGap(RandomStream.LogMiss(0)));
            Assert.Equal(0, rng.NextGap(RandomStream.LogMiss(1)));
        }
    }

    [Fact]
    public void ForChunk_DifferentChunks_GiveDifferentStreams()
    {
        var a = SeedSequence.ForChunk(7, SeedSequence.Stream.Users, 0).NextBits();
        var b = SeedSequence.ForChunk(7, SeedSequence.Stream.Users, 1).NextBits();
        Assert.NotEqual(a, b);
        Assert.Equal(a, SeedSequence.ForChunk(7, SeedSequence.Stream.Users, 0).NextBits());
    }
}
