using TrustSim.Charts;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;
using TrustSim.Tests.Reports;

namespace TrustSim.Tests.Charts;

public sealed class RunChartsTests
{
    public static TheoryData<string> ChartNames => new(ChartSet.RunChartFiles);

    private static byte[] Render(string chart, Scenario scenario, IReadOnlyList<RunResult> results) => Image(chart, scenario, results).Png;

    private static ChartImage Image(string chart, Scenario scenario, IReadOnlyList<RunResult> results) => chart switch
    {
        ReputationChart.FileName => ReputationChart.Render(scenario, results),
        PartnersChart.FileName => PartnersChart.Render(scenario, results),
        AdoptionChart.FileName => AdoptionChart.Render(scenario, results),
        RecordsChart.FileName => RecordsChart.Render(scenario, results),
        InstitutionReputationChart.FileName => InstitutionReputationChart.Render(scenario, results),
        _ => throw new ArgumentException(chart),
    };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Render_RealisticRun_FixedSizePngWithTitleText(string chart)
    {
        var png = new PngProbe(Render(chart, SyntheticRuns.Scenario(), SyntheticRuns.Realistic(replications: 5)));

        Assert.Equal((ChartStyle.Width, ChartStyle.Height), (png.Width, png.Height));
        // The title strip is white without text; with the bundled font the title puts hundreds of dark pixels there.
        Assert.True(png.DarkPixels(0, 32) > 300, $"{chart}: title strip has only {png.DarkPixels(0, 32)} dark pixels");
        Assert.True(png.DistinctColors() > 50);
    }

    public static TheoryData<string, string> EdgeCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string chart in ChartSet.RunChartFiles)
        {
            foreach (string edge in new[] { "no replications", "one replication", "one step", "all NaN", "no events" })
            {
                data.Add(chart, edge);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Render_EdgeCase_StillDrawsATitledChart(string chart, string edge)
    {
        IReadOnlyList<RunResult> results = edge switch
        {
            "no replications" => [],
            "one replication" => SyntheticRuns.Realistic(replications: 1),
            "one step" => SyntheticRuns.Realistic(replications: 3, steps: 0),
            "all NaN" => SyntheticRuns.Realistic(replications: 2, steps: 10).Select(AllNaN).ToList(),
            _ => SyntheticRuns.Realistic(replications: 2, steps: 10).Select(r => r with { Events = [] }).ToList(),
        };

        var png = new PngProbe(Render(chart, SyntheticRuns.Scenario() with { Shocks = [] }, results));

        Assert.True(png.DarkPixels(0, 32) > 300, $"{chart} / {edge}: no title drawn");
        Assert.True(png.DarkPixels(32, ChartStyle.Height) > 1000, $"{chart} / {edge}: no axes drawn");
    }

    [Fact]
    public void RenderRunJobs_RealisticRun_RendersEveryChart()
    {
        var rendered = ChartJobs.Render(ChartSet.RunJobs(SyntheticRuns.Scenario(), SyntheticRuns.Realistic(replications: 3, steps: 30)));

        Assert.All(rendered, r => Assert.Null(r.Problem));
        Assert.Equal(ChartSet.RunChartFiles, rendered.Select(r => r.FileName));
        Assert.All(rendered, r => Assert.True(r.Png!.Length > 10_000, $"{r.FileName}: {r.Png.Length} bytes"));
    }

    [Fact]
    public void Render_FailingJob_ReportsItsProblemAndRendersTheOthers()
    {
        var rendered = ChartJobs.Render([new ChartJob("broken.png", () => throw new InvalidOperationException("no data")),
            new ChartJob("fine.png", () => new ChartImage([1, 2, 3], "<svg/>"))]);

        Assert.Equal("no data", rendered[0].Problem);
        Assert.Null(rendered[0].Png);
        Assert.Equal([1, 2, 3], rendered[1].Png);
    }

    [Fact]
    public void Render_SameDataTwice_IdenticalImage()
    {
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 3, steps: 30);

        var (first, second) = (ReputationChart.Render(SyntheticRuns.Scenario(), results), ReputationChart.Render(SyntheticRuns.Scenario(), results));
        Assert.Equal(first.Png, second.Png);
        Assert.Equal(first.Svg, second.Svg);
    }

    private static RunResult AllNaN(RunResult result) => result with
    {
        Steps = result.Steps.Select(s => s with
        {
            Reputation = double.NaN, Anchor = double.NaN, Aware = double.NaN, Adoption = double.NaN, Reach = double.NaN,
            PartnersNone = double.NaN, PartnersLimited = double.NaN, PartnersFull = double.NaN, RecordsHeld = double.NaN,
            ReputationNone = double.NaN, ReputationLimited = double.NaN, ReputationFull = double.NaN,
        }).ToList(),
    };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Render_RealisticRun_SvgTwinHasTheTitleAsText(string chart)
    {
        var image = Image(chart, SyntheticRuns.Scenario(), SyntheticRuns.Realistic(replications: 3));
        var svg = System.Xml.Linq.XDocument.Parse(image.Svg);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(ChartStyle.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.Root.Attribute("width")!.Value);
        // Text stays text in the vector form, so a journal's editor can restyle it.
        Assert.Contains("synthetic", string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)));
    }

    [Fact]
    public void Render_PartnersWithPaymentFirmsFullAndBanksLimited_ShowsEachTypeInItsOwnLane()
    {
        // The headline finding of the model: payment firms in Full, banks in a Limited bot. Pooled, it
        // would read as a quarter in Full; in lanes, the top lane (payment firms) is green and the bottom
        // lane (banks) orange.
        var results = SyntheticRuns.Realistic(replications: 2).Select(r => r with
        {
            Steps = r.Steps.Select(m => m with { BanksLimited = 1, BanksFull = 0, PaymentsLimited = 0, PaymentsFull = 1 }).ToList(),
        }).ToList();
        var png = new PngProbe(PartnersChart.Render(SyntheticRuns.Scenario(), results).Png);
        static bool Green(SkiaSharp.SKColor c) => c.Green > c.Red + 60 && c.Green > c.Blue;
        static bool Orange(SkiaSharp.SKColor c) => c.Red > 180 && c.Green is > 120 and < 200 && c.Blue < 100;
        int middle = png.Height / 2;
        Assert.True(png.Pixels(40, middle - 20, Green) > 50 * png.Pixels(40, middle - 20, Orange), "top lane is not Full");
        Assert.True(png.Pixels(middle + 20, png.Height - 80, Orange) > 50 * png.Pixels(middle + 20, png.Height - 80, Green) + 1, "bottom lane is not Limited");
    }

    [Fact]
    public void Render_RandomScandalsAndBreaches_AreTickedAlongTheFoot()
    {
        static IReadOnlyList<RunResult> With(EventRecord e) =>
            SyntheticRuns.Realistic(replications: 2).Select(r => r with { Events = [e] }).ToList();
        var date = SyntheticRuns.Start.AddDays(7 * 100);
        var random = new EventRecord(100, date, WorldEvent.ShockOf(ShockType.Hack, EventCause.Random, double.NaN, 0.3, 0.1, ""));
        var breach = new EventRecord(100, date, WorldEvent.Breach(1e6, 0.1, 0.05));
        // The ticks are the marker colour (B22222), in the strip just above the x axis.
        static int Ticks(ChartImage image)
        {
            var png = new PngProbe(image.Png);
            return png.Pixels(440, 475, c => c.Red > 150 && c.Green < 110 && c.Blue < 110);
        }
        int baseline = Ticks(ReputationChart.Render(SyntheticRuns.Scenario() with { Shocks = [] },
            SyntheticRuns.Realistic(replications: 2).Select(r => r with { Events = [] }).ToList()));
        Assert.True(Ticks(ReputationChart.Render(SyntheticRuns.Scenario() with { Shocks = [] }, With(random))) > baseline + 20);
        Assert.True(Ticks(ReputationChart.Render(SyntheticRuns.Scenario() with { Shocks = [] }, With(breach))) > baseline + 20);
    }
}
