using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Tests.Analysis;

public sealed class ChainDiagnosticsTests
{
    private static double[][] Chains(int chains, int draws, Func<RandomStream, int, double[]> make) =>
        Enumerable.Range(0, chains).Select(k => make(new RandomStream(1000 + (ulong)k), draws)).ToArray();

    private static double[] Iid(RandomStream random, int n) => Enumerable.Range(0, n).Select(_ => random.NextGaussian()).ToArray();

    /// <summary>x_t = rho x_(t-1) + sqrt(1 - rho^2) e_t, started in its stationary distribution.</summary>
    private static double[] Ar1(RandomStream random, int n, double rho)
    {
        var x = new double[n];
        x[0] = random.NextGaussian();
        for (var t = 1; t < n; t++) x[t] = rho * x[t - 1] + Math.Sqrt(1 - rho * rho) * random.NextGaussian();
        return x;
    }

    [Fact]
    public void Of_IndependentNormalDraws_EssNearTheirNumberAndRhatNearOne()
    {
        var chains = Chains(4, 1000, Iid);
        var c = ChainDiagnostics.Of(chains);
        // Independent draws: ESS = 4000 up to the estimator's noise (a few per cent).
        Assert.InRange(c.BulkEss, 3500, 4500);
        Assert.InRange(c.TailEss, 3300, 4700);
        Assert.InRange(c.Rhat, 0.999, 1.005);
        Assert.True(c.Converged);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Of_Ar1Chains_EssNearTheTheoreticalValue(double rho)
    {
        var chains = Chains(4, 5000, (r, n) => Ar1(r, n, rho));
        var expected = 20000 * (1 - rho) / (1 + rho);
        var ess = ChainDiagnostics.Ess(chains);
        var bulk = ChainDiagnostics.BulkEss(chains);
        Assert.InRange(ess, 0.85 * expected, 1.15 * expected);
        Assert.InRange(bulk, 0.85 * expected, 1.15 * expected);
    }

    [Fact]
    public void Rhat_ChainsWithDifferentMeans_WellAboveTheLimit()
    {
        var chains = Chains(4, 1000, Iid);
        chains[3] = chains[3].Select(x => x + 1).ToArray();
        var rhat = ChainDiagnostics.Rhat(chains);
        Assert.True(rhat > 1.05, $"R-hat {rhat}");
        Assert.False(ChainDiagnostics.Of(chains).Converged);
    }

    [Fact]
    public void Rhat_ChainsWithDifferentSpreads_FoldedDrawsCatchIt()
    {
        // Same mean, one chain four times as wide: the bulk R-hat barely moves, the folded one does.
        var chains = Chains(4, 1000, Iid);
        chains[0] = chains[0].Select(x => 4 * x).ToArray();
        Assert.True(ChainDiagnostics.Rhat(chains) > 1.05);
    }

    [Fact]
    public void PlainRhat_TwoShortChains_MatchesHandComputation()
    {
        // Means 2 and 5, within variances 1 and 1, n = 3: W = 1, B/n = 4.5, R = sqrt((2/3 + 4.5)/1).
        var rhat = ChainDiagnostics.PlainRhat([[1, 2, 3], [4, 5, 6]]);
        Assert.Equal(Math.Sqrt(2.0 / 3 + 4.5), rhat, 12);
    }

    [Fact]
    public void Split_OddLength_DropsTheMiddleDraw()
    {
        var split = ChainDiagnostics.Split([[1, 2, 3, 4, 5]]);
        Assert.Equal([[1, 2], [4, 5]], split);
    }

    [Fact]
    public void RankNormalised_Ties_ShareTheirAverageScore()
    {
        var z = ChainDiagnostics.RankNormalised([[1, 2, 2, 3]]);
        Assert.Equal(z[0][1], z[0][2]);
        Assert.Equal(0, z[0][1], 12);
        Assert.Equal(-z[0][0], z[0][3], 12);
    }

    [Fact]
    public void Of_ConstantOrTooShortChains_IsUndefinedAndNotConverged()
    {
        var constant = ChainDiagnostics.Of([[2, 2, 2, 2, 2], [2, 2, 2, 2, 2]]);
        Assert.True(double.IsNaN(constant.Rhat) && double.IsNaN(constant.BulkEss));
        Assert.False(constant.Converged);
        Assert.True(double.IsNaN(ChainDiagnostics.Rhat([[1, 2, 3], [2, 3, 1]])));
    }

    // Expected values from the R package posterior 1.4.0 (Debian's r-cran-posterior), on the same chains
    // written out shortest-round-trip: rhat(x), ess_bulk(x), ess_tail(x), ess_basic(x) (split, not ranked).
    [Theory]
    [InlineData("ar1", 1.01223739370918, 332.737757230086, 775.293203923506, 334.102858661188)]
    [InlineData("shifted", 1.01731911533132, 833.148862596753, 983.068234003703, 830.868596650155)]
    [InlineData("lognormal", 1.00221261591641, 503.916884176603, 805.720901021788, 649.673980790607)]
    public void Of_ReferenceChains_MatchesThePosteriorPackage(string name, double rhat, double bulk, double tail, double basic)
    {
        var chains = name switch
        {
            "ar1" => ReferenceChains.Ar1(),
            "shifted" => ReferenceChains.Shifted(),
            _ => ReferenceChains.LogNormal(),
        };
        var c = ChainDiagnostics.Of(chains);
        Assert.Equal(rhat, c.Rhat, 1e-9);
        Assert.Equal(bulk, c.BulkEss, 1e-6);
        Assert.Equal(tail, c.TailEss, 1e-6);
        Assert.Equal(basic, ChainDiagnostics.Ess(ChainDiagnostics.Split(chains)), 1e-6);
    }
}
