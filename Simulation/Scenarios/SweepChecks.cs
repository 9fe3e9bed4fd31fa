using TrustSim.Metrics;

namespace TrustSim.Scenarios;

/// <summary>Checks of the <c>sweep:</c> section that the runner relies on: every listed metric exists.</summary>
internal static class SweepChecks
{
    public static void Check(Scenario scenario, ProblemSink sink)
    {
        if (scenario.Sweep is not { } sweep) return;
        ThresholdChecks.Check(sweep, sink);
        var names = SummaryMetrics.Columns.Select(c => c.Name).ToList();
        for (int i = 0; i < sweep.Metrics.Count; i++)
        {
            string name = sweep.Metrics[i];
            if (!names.Contains(name))
                sink.Report($"sweep.metrics: unknown summary metric '{name}'; {KeySuggester.Hint(name, names, "summary metrics")}", $"sweep.metrics.{i}", "sweep.metrics");
            else if (sweep.Metrics.Take(i).Contains(name))
                sink.Report($"sweep.metrics lists '{name}' twice", $"sweep.metrics.{i}", "sweep.metrics");
        }
    }
}
