using TrustSim.Charts;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class ChartFilesTests
{
    [Fact]
    public void DrawRunCharts_RealisticRun_WritesEveryChart()
    {
        using var temp = new TempFolder();

        var result = ChartFiles.DrawRunCharts(Path.Combine(temp.Path, "charts"), SyntheticRuns.Scenario(),
            SyntheticRuns.Realistic(replications: 3, steps: 30));

        Assert.Empty(result.Problems);
        Assert.Equal(ChartSet.RunChartFiles, result.Written.Select(Path.GetFileName));
        Assert.All(result.Written, path => Assert.True(new FileInfo(path).Length > 10_000));
    }

    [Fact]
    public void Draw_OneChartFails_WritesTheOthersAndNamesTheFailedFile()
    {
        using var temp = new TempFolder();

        var result = ChartFiles.Draw(temp.Path, [new ChartJob("broken.png", () => throw new InvalidOperationException("no data")),
            new ChartJob("fine.png", () => new ChartImage([1, 2, 3], "<svg/>"))]);

        Assert.Equal([Path.Combine(temp.Path, "fine.png")], result.Written);
        Assert.Equal([$"{Path.Combine(temp.Path, "broken.png")}: chart not drawn: no data"], result.Problems);
        Assert.False(File.Exists(Path.Combine(temp.Path, "broken.png")));
        Assert.Equal("<svg/>", File.ReadAllText(Path.Combine(temp.Path, "fine.svg")));
    }
}
