using TrustSim.Analysis;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class CompareSweepChartsTests
{
    private const string Metric = "final_reputation";
    private static readonly string[] Sides = ["scandals.mix.hack=0.3", "scandals.mix.hack=0.5"];

    private static ComparedPoint Point(string side, double rate, double scar, double mean, double difference = double.NaN) =>
        new(side, Metric, new Dictionary<string, double> { ["scandals.rate"] = rate, ["platform.scar"] = scar },
            new SampleStatistics(mean, 0.05, mean - 0.04, mean + 0.05, 4), difference, difference - 0.02, difference + 0.02,
            double.IsNaN(difference) ? "" : "paired_t");

    /// <summary>A grid of rates {0, 1, 2} and scar levels, side B 0.1 lower everywhere.</summary>
    private static List<ComparedPoint> GridRows(double[] scars)
    {
        var rows = new List<ComparedPoint>();
        foreach (double rate in new[] { 0.0, 1, 2 })
        {
            foreach (double scar in scars)
            {
                double mean = 0.8 - 0.1 * rate - 0.2 * scar;
                rows.Add(Point(Sides[0], rate, scar, mean));
                rows.Add(Point(Sides[1], rate, scar, mean - 0.1, -0.1));
            }
        }
        return rows;
    }

    private static readonly string[] Parameters = ["platform.scar", "scandals.rate"];

    [Fact]
    public void Responses_GridWithFewLevels_OneCurvePerOtherLevelAndSide()
    {
        var spec = CompareSweepCharts.Responses(GridRows([0, 0.4]), Sides, Metric, "scandals.rate", Parameters);
        Assert.Equal(["platform.scar = 0", "platform.scar = 0.4"], spec.Groups);
        Assert.True(spec.Joined);
        Assert.Equal(4, spec.Curves.Count);
        var curve = spec.Curves.Single(c => c.Group == 1 && c.Side == 1);
        Assert.Equal([0.0, 1, 2], curve.X);
        Assert.Equal([0.62, 0.52, 0.42], curve.Value.Select(v => Math.Round(v, 10)));
        Assert.Equal("compare-final_reputation-vs-scandals_rate.png", spec.FileName);
        Assert.StartsWith("Share of a drop that lowers", CompareSweepCharts.Responses(GridRows([0, 0.4]), Sides, Metric, "platform.scar", Parameters).XLabel);
        Assert.Equal("Platform reputation at the last step (mean)", spec.YLabel);
        Assert.Equal("final_reputation against scandals.rate, by platform.scar", spec.Title);
    }

    [Fact]
    public void Responses_MoreGroupsThanDrawable_PoolsIntoMarginalMeansAndSaysSo()
    {
        double[] scars = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        var spec = CompareSweepCharts.Responses(GridRows(scars), Sides, Metric, "scandals.rate", Parameters);
        Assert.Equal([""], spec.Groups);
        Assert.Equal(2, spec.Curves.Count);
        // Marginal mean at rate 0 over the seven scar levels: 0.8 - 0.2 * mean(scar) = 0.74.
        Assert.Equal(0.74, spec.Curves[0].Value[0], 10);
        Assert.True(spec.Curves[0].Low[0] < 0.74 && spec.Curves[0].High[0] > 0.74);
        Assert.Contains("marginal means over the 7 level combinations of platform.scar", spec.Note);
    }

    [Fact]
    public void Responses_ValuesDoNotRepeat_PointsOnlyOneGroup()
    {
        var rows = Enumerable.Range(0, 5).SelectMany(i => new[] { Point(Sides[0], i * 0.3, i * 0.11, 0.5), Point(Sides[1], i * 0.3, i * 0.11, 0.4, -0.1) }).ToList();
        var spec = CompareSweepCharts.Responses(rows, Sides, Metric, "scandals.rate", Parameters);
        Assert.False(spec.Joined);
        Assert.Equal([""], spec.Groups);
        Assert.Equal(5, spec.Curves[0].X.Length);
    }

    [Fact]
    public void Differences_GridWithFewLevels_SideKMinusFirstPerPointWithTestInNote()
    {
        var spec = CompareSweepCharts.Differences(GridRows([0, 0.4]), Sides, Metric, "scandals.rate", Parameters);
        Assert.Equal([Sides[1]], spec.Sides);
        Assert.Equal(2, spec.Curves.Count);
        Assert.All(spec.Curves, c => Assert.Equal([-0.1, -0.1, -0.1], c.Value));
        Assert.All(spec.Curves, c => Assert.Equal([-0.12, -0.12, -0.12], c.Low.Select(v => Math.Round(v, 10))));
        Assert.Contains("paired t over replications, n = 4 pairs per point", spec.Note);
        Assert.Equal("difference-final_reputation-vs-scandals_rate.png", spec.FileName);
    }

    [Fact]
    public void Differences_Pooled_MeanDifferenceWithCombinedInterval()
    {
        double[] scars = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        var spec = CompareSweepCharts.Differences(GridRows(scars), Sides, Metric, "scandals.rate", Parameters);
        var curve = Assert.Single(spec.Curves);
        Assert.Equal(-0.1, curve.Value[0], 10);
        // Seven half-widths of 0.02 combine to sqrt(7 * 0.02^2) / 7 = 0.02 / sqrt(7).
        Assert.Equal(-0.1 - 0.02 / Math.Sqrt(7), curve.Low[0], 10);
    }
}
