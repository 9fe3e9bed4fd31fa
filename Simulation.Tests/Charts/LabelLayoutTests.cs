using TrustSim.Charts;

namespace TrustSim.Tests.Charts;

public sealed class LabelLayoutTests
{
    internal static void AssertApartAndInside(IReadOnlyList<LabelBox> boxes, double left, double right)
    {
        foreach (var b in boxes)
        {
            Assert.True(b.Left >= left && b.Right <= right, $"box [{b.Left}, {b.Right}] leaves [{left}, {right}]");
        }
        foreach (var row in boxes.GroupBy(b => b.Row))
        {
            var ordered = row.OrderBy(b => b.Left).ToArray();
            for (int i = 1; i < ordered.Length; i++)
            {
                Assert.True(ordered[i].Left >= ordered[i - 1].Right, $"row {row.Key}: [{ordered[i - 1].Left}, {ordered[i - 1].Right}] overlaps [{ordered[i].Left}, {ordered[i].Right}]");
            }
        }
    }

    [Fact]
    public void Place_TwentyLinesWithinFortyPixels_StacksThemWithoutOverlap()
    {
        var lines = Enumerable.Range(0, 20).Select(i => 500.0 + 2 * i).ToArray();
        var boxes = LabelLayout.Place(lines, Enumerable.Repeat(90.0, 20).ToArray(), 60, 980, offset: 3, gap: 4);
        AssertApartAndInside(boxes, 60, 980);
        Assert.True(LabelLayout.RowsUsed(boxes) >= 10);
    }

    [Fact]
    public void Place_LabelAtTheRightEdge_GoesLeftOfItsLine()
    {
        var boxes = LabelLayout.Place([975.0], [120.0], 60, 980, offset: 3, gap: 4);
        Assert.Equal(975 - 3 - 120, boxes[0].Left, 9);
        Assert.Equal(972, boxes[0].Right, 9);
    }

    [Fact]
    public void Place_LabelWiderThanTheArea_IsCutToTheArea()
    {
        var boxes = LabelLayout.Place([100.0], [5000.0], 60, 980, offset: 3, gap: 4);
        Assert.Equal((60.0, 980.0), (boxes[0].Left, boxes[0].Right));
    }

    [Fact]
    public void Place_RandomSchedules_NeverOverlapOrLeaveTheArea()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = rng.Next(1, 30);
            var lines = Enumerable.Range(0, n).Select(_ => 60 + rng.NextDouble() * 920).ToArray();
            var widths = Enumerable.Range(0, n).Select(_ => 10 + rng.NextDouble() * 150).ToArray();
            AssertApartAndInside(LabelLayout.Place(lines, widths, 60, 980, 3, 4), 60, 980);
        }
    }
}
