using TrustSim.Charts;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Tests.Reports;

namespace TrustSim.Tests.Charts;

public sealed class ChartDataTests
{
    private static RunResult WithReputation(int replication, params double[] values) =>
        SyntheticRuns.Tiny(replication) with
        {
            Steps = values.Select((v, i) => new StepMetrics { Step = i, Date = SyntheticRuns.Start.AddDays(7 * i), Reputation = v }).ToList(),
        };

    [Fact]
    public void Mean_SomeNaN_AveragesTheRest()
    {
        var series = new RunSeries([WithReputation(0, 0.2, double.NaN), WithReputation(1, 0.4, double.NaN)]);

        double[] mean = series.Mean(m => m.Reputation);

        Assert.Equal(0.30000000000000004, mean[0]);
        Assert.True(double.IsNaN(mean[1]));
    }

    [Fact]
    public void Quantile_FiveValues_InterpolatesLinearly()
    {
        var series = new RunSeries(Enumerable.Range(0, 5).Select(r => WithReputation(r, r * 0.25)).ToList());

        Assert.Equal(0.05, series.Quantile(m => m.Reputation, 0.05)[0], 12);
        Assert.Equal(0.95, series.Quantile(m => m.Reputation, 0.95)[0], 12);
    }

    [Fact]
    public void Runs_NaNGaps_SplitIntoPieces()
    {
        double[] values = [double.NaN, 1, 2, double.NaN, 3, double.NaN];

        Assert.Equal([(1, 2), (4, 1)], SeriesDrawing.Runs(values));
    }

    [Fact]
    public void Select_ManyReplications_KeepsScheduledDropsRandom()
    {
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 3, steps: 200);

        var labels = ShockMarkers.Select(SyntheticRuns.Scenario(), results, new RunSeries(results)).Select(m => m.Label);

        Assert.Equal(["Cambridge Analytica", "Privacy commitments", "FTC fine"], labels);
    }

    [Fact]
    public void Select_OneReplication_KeepsItsRandomScandal()
    {
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 1, steps: 200);

        var labels = ShockMarkers.Select(SyntheticRuns.Scenario(), results, new RunSeries(results)).Select(m => m.Label);

        Assert.Contains("hack", labels);
    }

    [Fact]
    public void Select_NoEventsLogged_FallsBackToScenarioSchedule()
    {
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 2, steps: 200).Select(r => r with { Events = [] }).ToList();

        var markers = ShockMarkers.Select(SyntheticRuns.Scenario(), results, new RunSeries(results));

        Assert.Equal([new ShockMarker(SyntheticRuns.Start.AddDays(7 * 101), "Cambridge Analytica"),
            new ShockMarker(SyntheticRuns.Start.AddDays(7 * 110), "Privacy commitments")], markers);
    }
}
