using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Tests.Analysis;

public sealed class AdaptiveMetropolisTests
{
    /// <summary>ln density of a bivariate normal with unit variances and correlation rho, up to a constant.</summary>
    private static double Correlated(double[] x, double rho) =>
        -(x[0] * x[0] - 2 * rho * x[0] * x[1] + x[1] * x[1]) / (2 * (1 - rho * rho));

    [Fact]
    public void Decide_AfterWarmup_AcceptanceNearTargetAndCovarianceLearnt()
    {
        const double Rho = 0.95;
        var chain = new AdaptiveMetropolis([3, -3], Correlated([3, -3], Rho), [0.1, 0.1], 2000, new RandomStream(7));
        var draws = new List<double[]>();
        for (var i = 0; i < 6000; i++)
        {
            var proposal = chain.Propose();
            chain.Decide(proposal, Correlated(proposal, Rho));
            if (!chain.InWarmup) draws.Add([.. chain.Current]);
        }
        // Robbins-Monro brings the frozen acceptance near 0.234 (within the noise of 4000 decisions and the frozen scale).
        Assert.InRange(chain.Acceptance, 0.15, 0.35);
        var x = draws.Select(d => d[0]).ToArray();
        var y = draws.Select(d => d[1]).ToArray();
        Assert.Equal(Rho, MathNet.Numerics.Statistics.Correlation.Pearson(x, y), 1);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.Variance(x), 0.7, 1.3);
    }

    [Fact]
    public void Decide_ProposalOutsideSupport_IsRejected()
    {
        var chain = new AdaptiveMetropolis([0], 0, [1], 0, new RandomStream(1));
        for (var i = 0; i < 50; i++)
            Assert.False(chain.Decide(chain.Propose(), double.NegativeInfinity));
        Assert.Equal([0.0], chain.Current);
        Assert.Equal(0, chain.Acceptance);
    }

    [Fact]
    public void Decide_FromOutsideSupport_TakesTheFirstPointInside()
    {
        var chain = new AdaptiveMetropolis([0], double.NegativeInfinity, [1], 10, new RandomStream(1));
        var proposal = chain.Propose();
        Assert.True(chain.Decide(proposal, -1e6));
        Assert.Equal(proposal, chain.Current);
    }

    [Fact]
    public void Propose_SameSeed_SameChain()
    {
        static double[] Run()
        {
            var chain = new AdaptiveMetropolis([1, 1], Correlated([1, 1], 0.5), [0.3, 0.3], 100, new RandomStream(42));
            for (var i = 0; i < 300; i++)
            {
                var p = chain.Propose();
                chain.Decide(p, Correlated(p, 0.5));
            }
            return [.. chain.Current, chain.Scale];
        }
        Assert.Equal(Run(), Run());
    }
}
