using TrustSim.Charts;

namespace TrustSim.Tests.Charts;

public sealed class PointLabelsTests
{
    [Fact]
    public void Place_FiveNamesOfPointsCloseTogether_NoTwoLabelsOverlap()
    {
        // The Morris chart of partnership-drivers-sobol: five parameters within 60 x 50 pixels.
        (double, double)[] points = [(600, 100), (580, 112), (545, 128), (500, 155), (560, 157)];
        var sizes = Enumerable.Repeat((180.0, 20.0), 5).ToArray();
        var boxes = PointLabels.Place(points, sizes, new PointLabels.Box(60, 45, 985, 470));
        for (int i = 0; i < boxes.Count; i++)
            for (int j = i + 1; j < boxes.Count; j++)
                Assert.True(boxes[i].Overlap(boxes[j]) == 0, $"labels {i} and {j} overlap");
        Assert.All(boxes, b => Assert.True(b.Left >= 60 && b.Right <= 985 && b.Top >= 45 && b.Bottom <= 470));
    }

    [Fact]
    public void Place_PointAtTheRightEdge_PutsItsLabelLeftOfIt()
    {
        var boxes = PointLabels.Place([(980.0, 200.0)], [(120.0, 20.0)], new PointLabels.Box(60, 45, 985, 470));
        Assert.True(boxes[0].Right < 980);
    }
}
