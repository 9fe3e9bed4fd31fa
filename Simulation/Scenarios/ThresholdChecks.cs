using TrustSim.Metrics;

namespace TrustSim.Scenarios;

/// <summary>Checks of a threshold design: one parameter with min &lt; max, a known metric, a positive tolerance.</summary>
internal static class ThresholdChecks
{
    public static void Check(SweepSettings sweep, ProblemSink sink)
    {
        if (sweep.Design != SweepDesign.Threshold) return;
        var t = sweep.Threshold;
        var names = SummaryMetrics.Columns.Select(c => c.Name).ToList();
        if (t.Metric.Length == 0)
            sink.Report("sweep.threshold.metric: a threshold design needs the summary metric whose mean is watched", "sweep.threshold.metric", "sweep.threshold", "sweep.design");
        else if (!names.Contains(t.Metric))
            sink.Report($"sweep.threshold.metric: unknown summary metric '{t.Metric}'; {KeySuggester.Hint(t.Metric, names, "summary metrics")}",
                "sweep.threshold.metric");
        if (!(t.Tolerance > 0))
            sink.Report("sweep.threshold.tolerance must be above 0 (the bracket width at which bisection stops)", "sweep.threshold.tolerance", "sweep.threshold");
        if (sweep.Parameters.Count != 1)
        {
            sink.Report($"sweep.parameters: a threshold design searches exactly one parameter, got {sweep.Parameters.Count}", "sweep.parameters", "sweep.design");
            return;
        }
        var p = sweep.Parameters[0];
        if (p.Min is not { } min || p.Max is not { } max)
            sink.Report($"sweep.parameters.0: '{p.Path}' needs min and max (the bounds the bisection starts from)", "sweep.parameters.0.min", "sweep.parameters.0.max", "sweep.parameters.0");
        else if (!(min < max))
            sink.Report($"sweep.parameters.0: min ({RangeText.Number(min)}) must be below max ({RangeText.Number(max)})", "sweep.parameters.0.min", "sweep.parameters.0");
    }
}
