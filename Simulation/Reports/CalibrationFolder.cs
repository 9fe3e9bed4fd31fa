using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Lays out a calibration folder: fit.csv, trace.csv, fitted.yaml, charts/ (one fit chart per
/// observed metric and the loss chart) and, last, manifest.json.
/// </summary>
internal static class CalibrationFolder
{
    public const string FitFile = "fit.csv";
    public const string TraceFile = "trace.csv";
    public const string FittedFile = "fitted.yaml";

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

        var jobs = new List<ChartJob>();
        if (fitted is not null && atFit is not null)
        {
            foreach (var metric in targets.Select(t => t.Metric.Name).Distinct())
                jobs.Add(new ChartJob(CalibrationFitChart.FileName(metric), () => CalibrationFitChart.Render(fitted, metric, targets, atFit)));
        }
        jobs.Add(new ChartJob(CalibrationLossChart.FileName, () => CalibrationLossChart.Render(manifest.ScenarioName, result.Trace)));
        var charts = ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), jobs);

        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), manifest);
        return charts.Problems;
    }

    private static string FittedYaml(Scenario fitted, CalibrationResult result)
    {
        var header = $"# Fitted by trustsim calibrate (loss {CsvText.Number(result.Loss)}): "
            + string.Join(", ", result.Parameters.Select((p, k) => $"{p.Path} = {CsvText.Number(result.Values[k])}")) + "\n";
        return header + ScenarioWriter.ToYaml(fitted with { Calibrate = null });
    }
}
