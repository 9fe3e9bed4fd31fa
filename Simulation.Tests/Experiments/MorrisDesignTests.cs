using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class MorrisDesignTests
{
    private static SweepParameter[] UnitBox(int k) =>
        Enumerable.Range(0, k).Select(i => new SweepParameter { Path = $"p{i}", Min = 0, Max = 1 }).ToArray();

    [Theory]
    [InlineData(4, 2.0 / 3)]
    [InlineData(6, 0.6)]
    [InlineData(2, 1.0)]
    public void Build_Trajectories_MoveOneCoordinateByDeltaAtATime(int levels, double delta)
    {
        const int k = 5, r = 40;
        var design = MorrisDesign.Build(UnitBox(k), r, levels, new RandomStream(3));
        Assert.Equal(delta, design.Delta, 12);
        Assert.Equal(r * (k + 1), design.Points.Count);
        Assert.Empty(design.Warnings);
        for (var t = 0; t < r; t++)
        {
            var moved = new List<int>();
            for (var s = 1; s <= k; s++)
            {
                var before = design.Points[design.Layout.PointIndex(t, s - 1)].Values;
                var after = design.Points[design.Layout.PointIndex(t, s)].Values;
                var move = design.Layout.Move(t, s);
                for (var i = 0; i < k; i++)
                    Assert.Equal(i == move.Parameter ? before[i] + move.Step : before[i], after[i], 12);
                Assert.Equal(delta, Math.Abs(move.Step), 12);
                moved.Add(move.Parameter);
            }
            Assert.Equal(Enumerable.Range(0, k), moved.Order()); // each parameter moves once per trajectory
        }
        // Every point lies on the p-level grid inside [0, 1].
        Assert.All(design.Points.SelectMany(p => p.Values), x =>
        {
            Assert.InRange(x, 0, 1);
            Assert.Equal(Math.Round(x * (levels - 1)), x * (levels - 1), 9);
        });
    }

    [Fact]
    public void Build_EvenLevels_VisitsEveryLevelAndBothDirectionsAndOrders()
    {
        var design = MorrisDesign.Build(UnitBox(3), 400, 4, new RandomStream(8));
        var levels = design.Points.SelectMany(p => p.Values).GroupBy(x => (int)Math.Round(x * 3)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, levels.Count);
        Assert.All(levels.Values, c => Assert.InRange(c, 0.2 * 4800, 0.3 * 4800)); // 400 x 4 points x 3 values, a quarter each
        Assert.InRange(design.Moves.Count(m => m.Step > 0), 0.4 * 1200, 0.6 * 1200);
        Assert.True(Enumerable.Range(0, 400).Select(t => design.Layout.Move(t, 1).Parameter).Distinct().Count() == 3);
    }

    [Fact]
    public void Build_OddLevels_StaysOnTheGridAndWarns()
    {
        var design = MorrisDesign.Build(UnitBox(2), 5, 5, new RandomStream(1));
        Assert.Equal(0.5, design.Delta, 12);
        Assert.Contains("odd", Assert.Single(design.Warnings));
    }
}
