using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Lays out a calibration folder: fit.csv, trace.csv, fitted.yaml, observed.csv and the replications at
/// the fit (fit-timeseries.csv, fit-events.csv), charts/ (one fit chart per observed metric and the loss
/// chart) and, last, manifest.json; and reads back what the charts need, so <c>plot</c> redraws them.
/// </summary>
internal static class CalibrationFolder
{
    public const string FitFile = "fit.csv";
    public const string TraceFile = "trace.csv";
    public const string FittedFile = "fitted.yaml";

    /// <summary>The observations fitted to (from the scenario and its data file), as placed on the calendar.</summary>
    public const string ObservedFile = "observed.csv";

    /// <summary>The replications at the fit, as a run folder's timeseries.csv and events.csv: the fit charts' bands.</summary>
    public const string FitTimeseriesFile = "fit-timeseries.csv";

    public const string FitEventsFile = "fit-events.csv";

    public static IReadOnlyList<string> ObservedHeader { get; } = ["metric", "step", "date", "value", "se", "weight", "label"];

    /// <summary>observed.csv's columns (<see cref="ObservedHeader"/>), for datapackage.json.</summary>
    public static IReadOnlyList<TableField> ObservedFields { get; } =
    [
        TableField.Text("metric", "the step metric observed (its unit: timeseries.csv's column of that name)") with { Values = StepMetrics.Columns.Select(c => c.Name).ToArray() },
        RunCsv.Step, RunCsv.Date,
        TableField.Number("value", "the observed value"),
        TableField.Number("se", "its standard error, when the data give one"),
        TableField.Number("weight", "its weight in the loss (1/se^2 when se is given)"),
        TableField.Text("label", "the observation's label"),
    ];

    /// <summary>Default folder <c>ROOT/&lt;name&gt;-calibration/&lt;yyyyMMdd-HHmmss&gt;</c>.</summary>
    public static string DefaultPath(string outputRoot, string scenarioName, DateTime started) =>
        RunFolder.DefaultPath(outputRoot, $"{scenarioName}-calibration", started);

    /// <summary>
    /// Writes every file; <paramref name="fitted"/> is the scenario at the fit and <paramref name="atFit"/> its
    /// replications (null when there is no fit to show). Returns the charts that could not be drawn.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, CalibrationResult result, IReadOnlyList<CalibrationTarget> targets,
        Scenario? fitted, IReadOnlyList<RunResult>? atFit, Manifest manifest)
    {
        Directory.CreateDirectory(folder);
        CalibrationCsv.WriteFit(Path.Combine(folder, FitFile), result);
        CalibrationCsv.WriteTrace(Path.Combine(folder, TraceFile), result);
        if (fitted is not null)
            AtomicFile.WriteAllText(Path.Combine(folder, FittedFile), FittedYaml(fitted, result));
        CsvTable.Write(Path.Combine(folder, ObservedFile), ObservedHeader, targets.Select(t => (IReadOnlyList<string>)
        [
            t.Metric.Name, CsvText.Integer(t.Step), CsvText.Date(t.Date), CsvText.Number(t.Value), CsvText.Number(t.Se ?? double.NaN),
            CsvText.Number(t.Weight), t.Label,
        ]));
        if (fitted is not null && atFit is not null)
        {
            RunCsv.WriteTimeseries(Path.Combine(folder, FitTimeseriesFile), atFit);
            RunCsv.WriteEvents(Path.Combine(folder, FitEventsFile), atFit);
        }

        var charts = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), Jobs(manifest.ScenarioName, result.Trace, fitted, targets, atFit));

        DataPackage.Write(folder, PackageContext.ForCalibration(manifest.ScenarioName, result.Parameters.Select(p => p.Path).ToArray()));
        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
        return charts.Problems;
    }

    /// <summary>The fit chart of each observed metric (when there is a fit to show), then the loss chart.</summary>
    private static List<ChartJob> Jobs(string scenarioName, IReadOnlyList<CalibrationEvaluation> trace, Scenario? fitted,
        IReadOnlyList<CalibrationTarget> targets, IReadOnlyList<RunResult>? atFit)
    {
        var jobs = new List<ChartJob>();
        if (fitted is not null && atFit is not null)
        {
            foreach (var metric in targets.Select(t => t.Metric.Name).Distinct())
                jobs.Add(new ChartJob(CalibrationFitChart.FileName(metric), () => CalibrationFitChart.Render(fitted, metric, targets, atFit)));
        }
        jobs.Add(new ChartJob(CalibrationLossChart.FileName, () => CalibrationLossChart.Render(scenarioName, trace)));
        return jobs;
    }

    /// <summary>
    /// The charts of the calibration folder <paramref name="folder"/>, from its files alone (for <c>plot</c>), every file
    /// read now and checked against <paramref name="manifest"/>: trace.csv has its evaluations; observed.csv and the
    /// replications at the fit have <paramref name="fitted"/>'s steps and the manifest's replications. The fit charts
    /// need fitted.yaml (given as <paramref name="fitted"/>) and fit-timeseries.csv; a folder without them (interrupted
    /// before a fit, or written by a trustsim before 2026-12) gets the loss chart alone, and <paramref name="note"/> says so.
    /// </summary>
    public static IReadOnlyList<ChartJob> Jobs(string folder, Manifest manifest, Scenario? fitted, out string? note)
    {
        var calibration = manifest.Calibration ?? throw new DataFileException($"{Path.Combine(folder, ManifestJson.FileName)}: has no calibration section");
        var trace = ReadTrace(Path.Combine(folder, TraceFile), calibration);
        note = null;
        if (fitted is null || !File.Exists(Path.Combine(folder, FitTimeseriesFile)))
        {
            note = $"{folder}: the fit charts are not redrawn: they need {FittedFile} and {FitTimeseriesFile}, which this folder lacks " +
                   "(the calibration was interrupted before a fit, or written by an older trustsim); the loss chart is";
            return Jobs(manifest.ScenarioName, trace, null, [], null);
        }
        var seeds = manifest.Replications.Select(r => r.Seed).ToArray();
        var targets = ReadObserved(Path.Combine(folder, ObservedFile), fitted.Time.Steps, calibration.Observations);
        var atFit = RunFolderReader.ReadSeries(Path.Combine(folder, FitTimeseriesFile), Path.Combine(folder, FitEventsFile), seeds, fitted.Time.Steps, FittedFile);
        return Jobs(manifest.ScenarioName, trace, fitted, targets, atFit);
    }

    /// <summary>trace.csv back: evaluations numbered 0, 1, 2..., the manifest's count of them, each with its parameters' values.</summary>
    private static List<CalibrationEvaluation> ReadTrace(string path, CalibrationManifest calibration)
    {
        var parameters = calibration.Fitted.Select(f => f.Path).ToArray();
        using var sheet = CsvSheet.Open(path, ["index", "phase", "start", .. parameters, "loss"]);
        int index = sheet.Column("index"), phase = sheet.Column("phase"), start = sheet.Column("start"), loss = sheet.Column("loss");
        int[] values = parameters.Select(sheet.Column).ToArray();
        int expected = calibration.SearchEvaluations + calibration.UncertaintyEvaluations;
        string[] phases = ["search", "uncertainty"];
        var trace = new List<CalibrationEvaluation>();
        while (sheet.Next())
        {
            int i = sheet.Int(index, trace.Count, trace.Count);
            if (i >= expected) throw sheet.Problem($"more rows than the {expected} evaluations in manifest.json");
            int? from = sheet.Word(phase, phases) == "search" ? sheet.Int(start, 1, Math.Max(1, calibration.Starts)) - 1 : null;
            // An evaluation whose values made an invalid scenario has no loss: +infinity, as the search recorded it.
            double l = sheet.NumberOrMissing(loss);
            trace.Add(new CalibrationEvaluation(i, from, values.Select(sheet.Number).ToArray(), double.IsNaN(l) ? double.PositiveInfinity : l, []));
        }
        if (trace.Count != expected) throw sheet.FileProblem($"{trace.Count} rows for the {expected} evaluations in manifest.json (a truncated file?)");
        return trace;
    }

    /// <summary>observed.csv back: the manifest's count of observations, each of a step metric, at a step of the run.</summary>
    private static List<CalibrationTarget> ReadObserved(string path, int lastStep, int count)
    {
        using var sheet = CsvSheet.Open(path, ObservedHeader);
        int[] c = ObservedHeader.Select(sheet.Column).ToArray();
        var metrics = StepMetrics.Columns.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var targets = new List<CalibrationTarget>();
        while (sheet.Next())
        {
            var metric = metrics[sheet.Word(c[0], metrics.Keys)];
            double se = sheet.NumberOrMissing(c[4]);
            targets.Add(new CalibrationTarget(sheet.Int(c[1], 0, lastStep), sheet.Date(c[2]), metric, sheet.Number(c[3]),
                double.IsNaN(se) ? null : se, sheet.Number(c[5]), sheet.Text(c[6])));
        }
        if (targets.Count != count) throw sheet.FileProblem($"{targets.Count} rows for the {count} observations in manifest.json (a truncated file?)");
        return targets;
    }

    private static string FittedYaml(Scenario fitted, CalibrationResult result)
    {
        var header = $"# Fitted by trustsim calibrate (loss {CsvText.Number(result.Loss)}): "
            + string.Join(", ", result.Parameters.Select((p, k) => $"{p.Path} = {CsvText.Number(result.Values[k])}")) + "\n";
        return header + ScenarioWriter.ToYaml(fitted with { Calibrate = null });
    }
}
