using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Analysis;

public sealed class MorrisIndicesTests(ITestOutputHelper output)
{
    private static readonly SweepParameter[] IshigamiBox =
        Enumerable.Range(0, 3).Select(i => new SweepParameter { Path = $"x{i + 1}", Min = -Math.PI, Max = Math.PI }).ToArray();

    [Fact]
    public void Estimate_IshigamiWith200TrajectoriesOn4Levels_RanksX3LastAndMatchesGridValues()
    {
        // On the 4-level grid {-pi, -pi/3, pi/3, pi} with Delta = 2/3 every move of x2 changes 7 sin^2 x2 by
        // 7 (3/4), so |EE2| = 7.875 exactly. |EE1| = (sqrt(3)/2)(1 + 0.1 x3^4)/(2/3) is 1.457 or 13.95 with equal
        // odds (x3 = +-pi/3 or +-pi), mean 7.705; |EE3| = |sin x1| (0.1)(pi^4 - (pi/3)^4)/(2/3) is 0 or 12.50, mean
        // 6.248. Each has sd 6.25, so with r = 200 the standard error is 0.44: x3 comes last (x2 - x3 = 1.63 is
        // 3.7 standard errors), while x1 and x2 are too close for their order to be asserted.
        var design = MorrisDesign.Build(IshigamiBox, 200, 4, SeedSequence.For(42, SeedSequence.Stream.Design));
        var y = design.Points.Select(p => TestFunctions.Ishigami(p.Values)).ToArray();
        var result = MorrisIndices.Estimate(design.Layout, ["x1", "x2", "x3"], y, seed: 42);
        for (var i = 0; i < 3; i++)
            output.WriteLine($"x{i + 1}: mu {result.Mu[i]:0.000} mu* {result.MuStar[i].Value:0.000} [{result.MuStar[i].Low:0.000}, {result.MuStar[i].High:0.000}] sigma {result.Sigma[i]:0.000}");
        Assert.Equal(2, result.Ranking()[^1]);
        Assert.Equal(7.875, result.MuStar[1].Value, 9);
        Assert.Equal(7.705, result.MuStar[0].Value, 1.3); // 3 standard errors
        Assert.Equal(6.248, result.MuStar[2].Value, 1.3);
        Assert.True(result.MuStar[0].Contains(7.705), "mu*[x1] CI misses 7.705");
        Assert.True(result.MuStar[2].Contains(6.248), "mu*[x3] CI misses 6.248");
        Assert.Equal([200, 200, 200], result.Effects);
    }

    [Fact]
    public void Estimate_LinearModel_GivesEffectsPerFullRange()
    {
        // y = 3 u1 - 2 u2 on [0, 1]^2 plus a parameter that does nothing: EE are exactly 3, -2 and 0.
        var box = new[] { "a", "b", "c" }.Select(n => new SweepParameter { Path = n, Min = 0, Max = 1 }).ToArray();
        var design = MorrisDesign.Build(box, 10, 6, new RandomStream(1));
        var y = design.Points.Select(p => 3 * p.Values[0] - 2 * p.Values[1]).ToArray();
        var result = MorrisIndices.Estimate(design.Layout, ["a", "b", "c"], y, resamples: 50);
        Assert.Equal(3, result.Mu[0], 9);
        Assert.Equal(-2, result.Mu[1], 9);
        Assert.Equal(2, result.MuStar[1].Value, 9);
        Assert.Equal(0, result.MuStar[2].Value, 9);
        Assert.Equal(0, result.Sigma[0], 9);
        Assert.Equal([0, 1, 2], result.Ranking());
    }

    [Fact]
    public void Estimate_FailedRun_DropsTheTwoEffectsItTouches()
    {
        var design = MorrisDesign.Build(IshigamiBox, 20, 4, new RandomStream(2));
        var y = design.Points.Select(p => TestFunctions.Ishigami(p.Values)).ToArray();
        y[design.Layout.PointIndex(3, 1)] = double.NaN;
        var result = MorrisIndices.Estimate(design.Layout, ["x1", "x2", "x3"], y, resamples: 50);
        Assert.Equal(58, result.Effects.Sum());
        Assert.Contains(result.Warnings, w => w.Contains("2 of 60 elementary effects"));
    }
}
