using TrustSim.Charts;
using TrustSim.Engine;
using TrustSim.Scenarios;
using TrustSim.Tests.Reports;
using TrustSim.Tests.Scenarios;

namespace TrustSim.Tests.Charts;

public sealed class ShockMarkersTests
{
    public static TheoryData<string> ShippedScenarios() =>
        new(Directory.GetFiles(ShippedScenarioTests.ScenariosFolder(), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>Draws the markers of a run on a reputation-style plot and returns the labels as placed, in pixels.</summary>
    private static IReadOnlyList<PlacedLabel> Placed(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        using var plot = ChartStyle.NewPlot("t", "y", scenario);
        ChartStyle.SetDateRange(plot, series);
        plot.Axes.SetLimitsY(0, 1);
        return ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
    }

    private static void AssertNoOverlapInsideImage(IReadOnlyList<PlacedLabel> labels)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            var a = labels[i];
            Assert.True(a.Left >= 0 && a.Right <= ChartStyle.Width && a.Top >= 0 && a.Bottom <= ChartStyle.Height, $"'{a.Text}' is cut: {a}");
            for (int j = i + 1; j < labels.Count; j++)
            {
                var b = labels[j];
                bool apart = a.Right <= b.Left || b.Right <= a.Left || a.Bottom <= b.Top || b.Bottom <= a.Top;
                Assert.True(apart, $"'{a.Text}' {a} overlaps '{b.Text}' {b}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Draw_ShippedSchedule_LabelsNeitherOverlapNorAreCut(string file)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(ShippedScenarioTests.ScenariosFolder(), file), ["users.count=300"]);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario! with { Sweep = null, Calibrate = null };
        var results = Enumerable.Range(0, 2).Select(r => Simulator.Run(scenario, r)).ToList();
        var labels = Placed(scenario, results);
        AssertNoOverlapInsideImage(labels);
        // A scheduled event that is on the axis gets a label (full or numbered).
        Assert.Equal(ShockMarkers.Select(scenario, results, new RunSeries(results)).Count(m => m.Date <= results[0].Steps[^1].Date), labels.Count);
    }

    [Fact]
    public void Draw_TwentyEventsInTenWeeks_NumbersThemWithoutOverlap()
    {
        var results = SyntheticRuns.Realistic(replications: 1, steps: 260);
        var start = results[0].Steps[0].Date;
        var events = Enumerable.Range(0, 20)
            .Select(i => new EventRecord(100 + i / 2, start.AddDays(7 * (100 + i / 2)),
                TrustSim.Model.WorldEvent.ShockOf(TrustSim.Scenarios.ShockType.Misuse, TrustSim.Model.EventCause.Scheduled, double.NaN, 0.5, 0.1, $"Event {i} of the schedule")))
            .ToList();
        var dense = results.Select(r => r with { Events = events }).ToList();
        var labels = Placed(SyntheticRuns.Scenario(), dense);
        Assert.Equal(20, labels.Count);
        AssertNoOverlapInsideImage(labels);
        Assert.All(labels, l => Assert.Matches("^[0-9]+$", l.Text));
    }
}
