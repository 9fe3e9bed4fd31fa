using System.Globalization;
using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Cross-field checks of the <c>calibrate:</c> section: each fitted path names a numeric key that
/// can take values across its bounds, the bounds make sense, each observation falls on one step of
/// the run and names a time-series metric, the observations CSV exists and parses, and what the
/// method needs: a budget for the optimiser, priors and error scales for the posterior (<see cref="PriorChecks"/>).
/// </summary>
internal static class CalibrationValidator
{
    private const string Section = "calibrate";

    public static void Check(Scenario scenario, ProblemSink sink)
    {
        if (scenario.Calibrate is not { } calibrate)
            return;
        CheckParameters(scenario, calibrate, sink);
        for (var i = 0; i < calibrate.Observed.Count; i++)
            CheckObservation(scenario.Time, calibrate.Observed[i], $"{Section}.observed.{i}", sink);
        var observations = calibrate.Observed.ToList();
        if (calibrate.Data.Length > 0)
            observations.AddRange(CheckData(scenario, calibrate.Data, sink));
        else if (calibrate.Observed.Count == 0)
            sink.Report("calibrate: give observations under observed or a CSV under data", $"{Section}.observed", $"{Section}.data", Section);
        if (calibrate.Parameters.Count == 0)
            sink.Report("calibrate: list at least one parameter to fit under parameters", $"{Section}.parameters", Section);
        if (calibrate.Method == CalibrationMethod.Optimize)
        {
            // Nelder-Mead builds a simplex of n+1 points before it takes a step.
            var least = calibrate.Starts * (calibrate.Parameters.Count + 1);
            if (calibrate.Parameters.Count > 0 && calibrate.Budget < least)
                sink.Report($"calibrate.budget ({calibrate.Budget}) is too small: {calibrate.Starts} starts of {calibrate.Parameters.Count} parameters need at least {least} evaluations",
                    $"{Section}.budget", $"{Section}.starts", Section);
        }
        else
        {
            PriorChecks.CheckPosterior(calibrate, sink);
            PriorChecks.CheckErrorScale(calibrate.Sigma, observations, sink);
        }
    }

    /// <summary>The resolved path of the observations CSV: relative to the loaded scenario file.</summary>
    public static string DataPath(string scenarioFile, string data) =>
        Path.IsPathRooted(data) ? data : Path.Combine(Path.GetDirectoryName(scenarioFile) ?? "", data);

    /// <summary>Whether <paramref name="metric"/> names a column of timeseries.csv.</summary>
    public static bool IsMetric(string metric) => StepMetrics.Columns.Any(c => c.Name == metric);

    private static void CheckParameters(Scenario scenario, CalibrationSettings calibrate, ProblemSink sink)
    {
        // Applying a value through the loader is the one sure test that a path exists and is
        // numeric; skip it when the rest of the scenario does not load (those problems are reported already).
        var plain = ScenarioWriter.ToYaml(scenario with { Calibrate = null, Sweep = null });
        var loads = ScenarioLoader.LoadText(plain, scenario.Name).Succeeded;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < calibrate.Parameters.Count; i++)
        {
            var p = calibrate.Parameters[i];
            var path = $"{Section}.parameters.{i}";
            if (p.Path.Length == 0)
            {
                sink.Report($"{path}: a fitted parameter needs a path (a numeric key such as platform.sensitivity)", $"{path}.path", path);
                continue;
            }
            if (!seen.Add(p.Path))
                sink.Report($"{path}: '{p.Path}' is fitted twice", $"{path}.path", path);
            if (p.Min is not { } min || p.Max is not { } max)
            {
                sink.Report($"{path}: '{p.Path}' needs both min and max (the search stays within them)", $"{path}.min", $"{path}.max", path);
                continue;
            }
            if (!(min < max))
                sink.Report($"{path}: min ({RangeText.Number(min)}) must be less than max ({RangeText.Number(max)})", $"{path}.min", $"{path}.max", path);
            else if (p.Log && min <= 0)
                sink.Report($"{path}: a log-scale parameter needs min > 0, got {RangeText.Number(min)}", $"{path}.min", $"{path}.log", path);
            else
            {
                PriorChecks.CheckPrior(p, min, max, path, sink);
                if (loads)
                    CheckApplies(plain, scenario.Name, p.Path, [min, min + 0.3183 * (max - min), max], path, sink);
            }
        }
    }

    private static void CheckApplies(string plain, string name, string key, double[] values, string path, ProblemSink sink)
    {
        foreach (var value in values)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var result = ScenarioLoader.LoadText(plain, name, [$"{key}={text}"]);
            if (!result.Succeeded)
            {
                var why = result.Problems[0].Message;
                sink.Report($"{path}.path: '{key}' cannot be set to {text}: {why}", $"{path}.path", path);
                return;
            }
        }
    }

    private static void CheckObservation(TimeSettings time, Observation o, string path, ProblemSink sink)
    {
        if (Where(time, o) is { } problem)
            sink.Report($"{path}: {problem}", o.Date is not null ? $"{path}.date" : $"{path}.step", path);
        if (!IsMetric(o.Metric))
            sink.Report($"{path}.metric: '{o.Metric}' is not a time-series metric; use one of {MetricList()}", $"{path}.metric", path);
    }

    /// <summary>Why an observation cannot be placed on a step of the run, or null when it can.</summary>
    public static string? Where(TimeSettings time, Observation o)
    {
        if (o.Step is null && o.Date is null)
            return "an observation needs a step or a date";
        if (o.Step is not null && o.Date is not null)
            return "give either step or date, not both";
        var step = o.Step ?? ScenarioSchedule.StepOf(time, o.Date!.Value);
        if (o.Date is { } d && d < time.Start)
            return $"date {Text(d)} is before the run's start ({Text(time.Start)})";
        if (step > time.Steps)
            return $"step {step} is after the run's last step ({time.Steps})";
        return null;
    }

    /// <summary>Checks the observations CSV and returns its good rows' observations.</summary>
    private static IReadOnlyList<Observation> CheckData(Scenario scenario, string data, ProblemSink sink)
    {
        var file = DataPath(sink.Map.Root.File, data);
        var text = ObservationCsv.ReadText(file);
        if (!text.Ok)
        {
            var reason = text.Problems[0];
            sink.Report(reason == RegularFile.NotFound
                ? $"calibrate.data: file '{file}' not found (the path is relative to the scenario file)"
                : $"calibrate.data: '{file}' {reason}", $"{Section}.data");
            return [];
        }
        sink.Refer(new FileReference(file, $"{Section}.data", sink.Map.At($"{Section}.data")));
        var problems = new List<ScenarioProblem>();
        var rows = ObservationCsv.Parse(text.Value, file, problems);
        foreach (var row in rows)
        {
            if (Where(scenario.Time, row.Observation) is { } problem)
                problems.Add(new ScenarioProblem(file, row.Line, 1, problem));
            if (!IsMetric(row.Observation.Metric))
                problems.Add(new ScenarioProblem(file, row.Line, 1, $"'{row.Observation.Metric}' is not a time-series metric; use one of {MetricList()}"));
        }
        if (problems.Count == 0 && rows.Count == 0)
            problems.Add(SourceSpot.StartOf(file).Problem("the observations file has a header but no rows"));
        foreach (var p in problems)
            sink.Add(p);
        return rows.Select(r => r.Observation).ToList();
    }

    private static string MetricList() => string.Join(", ", StepMetrics.Columns.Select(c => c.Name));

    private static string Text(DateOnly date) => date.ToString(ScalarConverter.DateFormat, CultureInfo.InvariantCulture);
}
