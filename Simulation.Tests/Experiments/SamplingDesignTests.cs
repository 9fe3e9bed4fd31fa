using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class SamplingDesignTests
{
    private static readonly SweepParameter[] Box =
    [
        new() { Path = "platform.scar", Min = 0.1, Max = 0.8 },
        new() { Path = "scandals.rate", Min = 1, Max = 100, Log = true },
        new() { Path = "users.concern.alpha", Min = 2, Max = 9, Integer = true },
    ];

    [Fact]
    public void RandomPoints_Box_StayWithinBoundsAndRepeatFromTheSeed()
    {
        var points = RandomDesign.Points(Box, 500, new RandomStream(5));
        Assert.Equal(500, points.Count);
        Assert.Equal(Enumerable.Range(0, 500), points.Select(p => p.Index));
        Assert.All(points, p =>
        {
            Assert.InRange(p.Values[0], 0.1, 0.8);
            Assert.InRange(p.Values[1], 1, 100);
            Assert.InRange(p.Values[2], 2, 9);
            Assert.Equal(Math.Round(p.Values[2]), p.Values[2]);
        });
        // log: half the points fall below the geometric midpoint 10.
        Assert.InRange(points.Count(p => p.Values[1] < 10), 200, 300);
        var again = RandomDesign.Points(Box, 500, new RandomStream(5));
        Assert.Equal(points.Select(p => p.Values), again.Select(p => p.Values));
        Assert.NotEqual(points[0].Values, RandomDesign.Points(Box, 1, new RandomStream(6))[0].Values);
    }

    [Fact]
    public void LatinHypercubePoints_EachParameter_HasOnePointPerStratum()
    {
        const int n = 50;
        var unitBox = Enumerable.Range(0, 4).Select(i => new SweepParameter { Path = $"p{i}", Min = 0, Max = 1 }).ToArray();
        var points = LatinHypercubeDesign.Points(unitBox, n, new RandomStream(11));
        Assert.Equal(n, points.Count);
        for (var k = 0; k < unitBox.Length; k++)
        {
            var strata = points.Select(p => (int)Math.Floor(p.Values[k] * n)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
        // The strata are paired at random, not along the diagonal.
        Assert.NotEqual(points.Select(p => (int)(p.Values[0] * n)), points.Select(p => (int)(p.Values[1] * n)));
    }

    [Fact]
    public void LatinHypercubePoints_ScaledParameter_StratifiesTheUnitScale()
    {
        var points = LatinHypercubeDesign.Points([Box[1]], 20, new RandomStream(3));
        var strata = points.Select(p => (int)Math.Floor(Math.Log10(p.Values[0]) / 2 * 20)).OrderBy(s => s);
        Assert.Equal(Enumerable.Range(0, 20), strata);
    }
}
