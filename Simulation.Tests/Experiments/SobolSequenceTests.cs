using TrustSim.Core;
using TrustSim.Experiments;

namespace TrustSim.Tests.Experiments;

public sealed class SobolSequenceTests
{
    [Fact]
    public void Points_Unscrambled_MatchKnownFirstPoints()
    {
        // The first eight points of dimensions 1-3 in Gray-code order, as scipy.stats.qmc.Sobol(scramble=False) gives them.
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var points = new SobolSequence(3).Points(8);
        for (var n = 0; n < 8; n++) Assert.Equal(expected[n], points[n]);
    }

    [Fact]
    public void Integers_DirectionTable_DecodesEveryDimension()
    {
        // Dimension 101's first point after the origin is v_1 = m_1 2^31, and m_1 = 1 in every row.
        var second = new SobolSequence(SobolDirections.MaxDimensions).Integers(2)[1];
        Assert.All(second, x => Assert.Equal(1u << 31, x));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Points_EveryDimension_IsAZeroMOneNet(bool scrambled)
    {
        var sequence = new SobolSequence(SobolDirections.MaxDimensions, scrambled ? new RandomStream(42) : null);
        var points = sequence.Points(1 << 10);
        for (var m = 1; m <= 10; m++)
            for (var d = 0; d < sequence.Dimensions; d++)
            {
                var cells = points.Take(1 << m).Select(p => (int)Math.Floor(p[d] * (1 << m))).Distinct().Count();
                Assert.True(cells == 1 << m, $"dimension {d + 1}, m = {m}: {cells} of {1 << m} intervals hold a point");
            }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Points_FirstTwoDimensions_AreAZeroMTwoNet(bool scrambled)
    {
        // Every dyadic box of area 2^-8 (2^-a wide, 2^-(8-a) high) holds exactly one of the first 256 points.
        var points = new SobolSequence(2, scrambled ? new RandomStream(7) : null).Points(256);
        for (var a = 0; a <= 8; a++)
        {
            var boxes = points.Select(p => ((int)Math.Floor(p[0] * (1 << a)), (int)Math.Floor(p[1] * (1 << (8 - a))))).Distinct().Count();
            Assert.Equal(256, boxes);
        }
    }

    [Fact]
    public void Points_Scrambled_AreInsideTheCubeAvoidTheOriginAndDependOnTheSeed()
    {
        var a = new SobolSequence(4, new RandomStream(1)).Points(64);
        var again = new SobolSequence(4, new RandomStream(1)).Points(64);
        var other = new SobolSequence(4, new RandomStream(2)).Points(64);
        Assert.All(a.SelectMany(p => p), x => Assert.InRange(x, double.Epsilon, 1 - 1e-12));
        Assert.Equal(a, again);
        Assert.NotEqual(a[0], other[0]);
        // Each coordinate of a scrambled net is uniform: the mean of 64 balanced points is close to 1/2.
        for (var d = 0; d < 4; d++) Assert.Equal(0.5, a.Average(p => p[d]), 0.02);
    }
}
