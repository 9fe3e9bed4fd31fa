using System.Collections.Concurrent;
using System.Globalization;
using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// Runs a threshold sweep: the bisection's evaluations one after another, each evaluation's replications
/// in parallel, seeded from (master seed, evaluation index, replication); then threshold.csv, runs.csv,
/// the chart and manifest.json. The search is deterministic, so an interrupted search is simply run again.
/// </summary>
internal sealed class ThresholdExecution(SweepTarget target, int workers, string commandLine, DateTime started, Terminal terminal)
{
    public int Run(CancellationToken cancel)
    {
        var plan = target.Plan;
        var settings = plan.Sweep.Threshold;
        var parameter = plan.Parameters[0];
        int metric = SweepFolder.IndexOfMetric(settings.Metric);
        var runs = new ConcurrentBag<ThresholdFolder.RunRow>();
        terminal.Out.Print($"{target.Scenario.Name}: searching {parameter.Path} in [{Num(parameter.Min!.Value)}, {Num(parameter.Max!.Value)}] " +
                           $"for {settings.Metric} mean = {Num(settings.Level)} ({plan.Replications} replications per evaluation)");

        Outcome<IReadOnlyList<double>> Evaluate(int evaluation, double value)
        {
            var loaded = plan.ScenarioAt(new DesignPoint(evaluation, [value]));
            if (loaded.Scenario is not { } scenario) return Outcome<IReadOnlyList<double>>.Failure(ScenarioInput.Problems(loaded.Problems));
            var values = new double[plan.Replications];
            Parallel.For(0, plan.Replications, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, r =>
            {
                var seed = SeedSequence.RunSeed(plan.Scenario.Seed, evaluation, r);
                try
                {
                    var result = Simulator.Run(scenario, r, seed, cancel);
                    values[r] = SummaryMetrics.Columns[metric].Read(result.Summary);
                    runs.Add(new ThresholdFolder.RunRow(evaluation, r, seed, value, result.Summary, null));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    values[r] = double.NaN;
                    runs.Add(new ThresholdFolder.RunRow(evaluation, r, seed, value, null, $"{e.GetType().Name}: {e.Message}"));
                }
            });
            var s = Analysis.SampleStatistics.Of(values.Where(double.IsFinite).ToArray(), SummaryMetrics.Columns[metric].Domain);
            terminal.Out.Print($"  evaluation {evaluation}: {parameter.Path} = {Num(value)}: mean {Num(s.Mean)}" +
                               (s.HasInterval ? $" [95% CI {Num(s.CiLow)}, {Num(s.CiHigh)}]" : "") + $", n = {s.N}");
            return Outcome<IReadOnlyList<double>>.Success(values);
        }

        Outcome<ThresholdResult> result;
        try
        {
            result = ThresholdSearch.Run(settings, parameter.Min.Value, parameter.Max.Value, Evaluate, SeedSequence.ThresholdBootstrapSeed(plan.Scenario.Seed));
        }
        catch (OperationCanceledException)
        {
            terminal.Error.Print($"trustsim: interrupted; the search is deterministic: run it again with --force --out {target.ShownFolder}");
            return ExitCode.Interrupted;
        }
        if (!result.Ok) return terminal.BadInput(result.Problems);
        return Finish(result.Value, runs.ToList(), parameter.Path, settings);
    }

    private int Finish(ThresholdResult result, List<ThresholdFolder.RunRow> runs, string parameter, ThresholdSettings settings)
    {
        var folder = target.Folder;
        ThresholdFolder.WriteEvaluations(Path.Combine(folder, ThresholdFolder.FileName), result.Evaluations);
        ThresholdFolder.WriteRuns(Path.Combine(folder, SweepTables.RunsFile), parameter, runs, target.Plan.Replications);
        var info = new ThresholdManifest(parameter, settings.Metric, settings.Level, result.Evaluations.Count, result.Bracketed,
            Finite(result.Threshold), Finite(result.Interval.Low), Finite(result.Interval.High), result.Low.Value, result.High.Value);
        var charts = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), [Chart(folder, target.Scenario, info, target.Plan.Replications)]);
        foreach (var p in charts.Problems) terminal.Error.Print($"trustsim: {target.Output?.Shown(p) ?? p}");
        int failed = runs.Count(r => r.Summary is null);
        var ended = DateTime.UtcNow;
        var manifest = RunEnvironment.ForRun(commandLine, target.ScenarioFile, target.Scenario, [], started, ended,
            failed == 0 ? RunStatus.Completed : RunStatus.Failed, failed == 0 ? null : $"{failed} of {runs.Count} runs failed (see runs.csv)") with
        {
            Sweep = new SweepInfo("threshold", [parameter], result.Evaluations.Count, target.Plan.Replications, runs.Count,
                runs.Count - failed, failed, workers, false),
            Threshold = info,
        };
        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
        bool reported = FolderReport.Finish(folder, terminal, target.Output is { } staged ? staged.Shown : null);
        // The search was built beside the folder: now it replaces it whole.
        target.Output?.Commit();

        if (!result.Bracketed)
        {
            terminal.Error.Print($"trustsim: the level {Num(settings.Level)} is not bracketed: the mean {settings.Metric} is " +
                $"{Num(result.Low.Statistics.Mean)} at {parameter} = {Num(result.Low.Value)} and {Num(result.High.Statistics.Mean)} at " +
                $"{Num(result.High.Value)}, both on the same side of it. Widen min/max or choose another level; no threshold was estimated.");
        }
        else
        {
            var ci = double.IsFinite(result.Interval.Low)
                ? $"95% CI [{Num(result.Interval.Low)}, {Num(result.Interval.High)}] (bootstrap over the replications at the bracket ends)"
                : "no CI (needs at least 2 completed replications at each bracket end)";
            terminal.Out.Print($"Threshold: {settings.Metric} mean crosses {Num(settings.Level)} at {parameter} = {Num(result.Threshold)}, {ci}; " +
                               $"final bracket [{Num(result.Low.Value)}, {Num(result.High.Value)}] after {result.Evaluations.Count} evaluations");
        }
        terminal.Out.Print($"Data: threshold.csv, runs.csv in {target.ShownFolder}; charts: {charts.Written.Count}");
        return failed == 0 && charts.Problems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }

    /// <summary>The chart job, from threshold.csv (checked against the count of evaluations) and what the search found (plot reads it from manifest.json).</summary>
    public static ChartJob Chart(string folder, Scenario scenario, ThresholdManifest found, int replications)
    {
        var t = scenario.Sweep!.Threshold;
        var rows = ThresholdFolder.Read(Path.Combine(folder, ThresholdFolder.FileName), found.Evaluations, replications);
        var parameter = scenario.Sweep.Parameters[0].Path;
        string note = found.Bracketed
            ? $"threshold {Num(found.Threshold ?? double.NaN)}, 95% CI [{Num(found.CiLow ?? double.NaN)}, {Num(found.CiHigh ?? double.NaN)}]; numbers along the foot: the order in which values were evaluated"
            : "level not bracketed by the bounds: no threshold";
        var spec = new ThresholdChartSpec($"threshold-{t.Metric}.png", $"{scenario.Name}: where {t.Metric} crosses {Num(t.Level)}",
            ScenarioKeyCatalog.AxisLabel(parameter), MetricLabel(t.Metric), rows.Select(r => (r.Index, r.Value, r.Mean, r.Low, r.High)).ToList(), t.Level,
            found.Threshold ?? double.NaN, found.CiLow ?? double.NaN, found.CiHigh ?? double.NaN, note);
        return new ChartJob(spec.FileName, () => ThresholdChart.Render(spec));
    }

    private static string MetricLabel(string metric) =>
        SummaryMetrics.Columns.FirstOrDefault(c => c.Name == metric)?.Description is { } d ? $"Mean {metric} ({d})" : metric;

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string Num(double x) => double.IsNaN(x) ? "n/a" : x.ToString("0.####", CultureInfo.InvariantCulture);
}
