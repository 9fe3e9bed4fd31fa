using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>The page of a calibration folder: the fitted parameters with their uncertainty, each observation against the fit, the charts.</summary>
internal static class CalibrationPage
{
    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var calibration = manifest.Calibration ?? throw new ArgumentException("not a calibration folder", nameof(source));
        var fit = CsvRows.Read(source.PathOf(CalibrationFolder.FitFile), ["parameter", "value", "min", "max", "log"]);
        var observed = CsvRows.Read(source.PathOf(CalibrationFolder.ObservedFile), CalibrationFolder.ObservedHeader);
        string timeseries = source.PathOf(CalibrationFolder.FitTimeseriesFile);
        var model = File.Exists(timeseries) ? ModelMeans(CsvRows.Read(timeseries, ["replication", "step"]), observed) : null;
        var tables = new List<ReportTable> { ParametersTable(fit, calibration), FitTable(observed, model) };
        var facts = new List<string>
        {
            ReportPages.Counted(calibration.Fitted.Count, "parameter") + " fitted",
            ReportPages.Counted(calibration.Observations, "observation"),
            calibration.Loss is { } loss ? $"loss {ReportNumbers.Format(loss)}" : "no loss (nothing was evaluated)",
            $"{ReportNumbers.Count(calibration.SearchEvaluations)} of {ReportNumbers.Count(calibration.Budget)} evaluations",
            $"ended {ProvenanceFacts.Time(manifest.EndedUtc)}",
        };
        var notes = new List<string>
        {
            $"The loss is the weighted sum of squared differences between each observation and the model's mean over " +
            $"{ReportPages.Counted(calibration.ReplicationsPerEvaluation, "replication")} (the same seeds at every evaluation: common random numbers).",
            $"The search made {ReportNumbers.Count(calibration.SearchEvaluations)} evaluations from {ReportPages.Counted(calibration.Starts, "start")} " +
            $"(the best from start {calibration.BestStart}; start 1 is the scenario's own values), then {ReportNumbers.Count(calibration.UncertaintyEvaluations)} " +
            $"for the uncertainty ({(calibration.Uncertainty == "standard_error" ? "standard errors from the curvature of the loss" : calibration.Uncertainty == "profile" ? "the loss 10% of each range below and above the fit" : "none")}).",
        };
        var warnings = model is null || source.Scenario is null
            ? new List<string> { $"This folder has no fit to show ({CalibrationFolder.FittedFile} or {CalibrationFolder.FitTimeseriesFile} is missing: the calibration " +
                                 "stopped before it, or an older trustsim wrote the folder), so the page has the loss chart alone." }
            : [];
        return ReportPages.Page(source, "Calibration", manifest.ScenarioName, facts, notes, tables, CalibrationFolder.FittedFile, warnings);
    }

    private static ReportTable ParametersTable(CsvRows fit, CalibrationManifest calibration)
    {
        int Column(string name) => fit.Column(name);
        var rows = fit.Rows.Select(r => (IReadOnlyList<string>)
        [
            r[Column("parameter")], CsvRows.Formatted(r, Column("value")),
            ReportNumbers.Interval(CsvRows.Number(r, Column("min")), CsvRows.Number(r, Column("max"))),
            r[Column("log")] == "true" ? "log" : "linear",
            CsvRows.Formatted(r, Column("se")),
            Profile(r, Column("profile_low_value"), Column("profile_low_loss")),
            Profile(r, Column("profile_high_value"), Column("profile_high_loss")),
        ]).ToList();
        string loss = calibration.Loss is { } l ? ReportNumbers.Format(l) : "none";
        return ReportTable.Whole("parameters", "Fitted parameters",
            $"The values at the fit (loss {loss}), searched within their bounds; the standard error where the loss's curvature gives one, else the loss " +
            "at a step below and above the fit (a steep rise means the data pin the value down). From fit.csv.",
            [new("parameter"), ReportColumn.Number("fitted"), ReportColumn.Number("bounds"), new("scale"), ReportColumn.Number("se"),
                ReportColumn.Number("loss below (at value)"), ReportColumn.Number("loss above (at value)")],
            rows);
    }

    private static string Profile(string[] row, int value, int loss) =>
        double.IsNaN(CsvRows.Number(row, loss)) ? "" : $"{CsvRows.Formatted(row, loss)} (at {CsvRows.Formatted(row, value)})";

    private static ReportTable FitTable(CsvRows observed, double[]? model)
    {
        int Column(string name) => observed.Column(name);
        var rows = observed.Rows.Select((r, i) => (IReadOnlyList<string>)
        [
            r[Column("label")].Length > 0 ? r[Column("label")] : $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}",
            r[Column("date")], r[Column("step")], r[Column("metric")], CsvRows.Formatted(r, Column("value")), CsvRows.Formatted(r, Column("se")),
            CsvRows.Formatted(r, Column("weight")), model is null ? "" : ReportNumbers.Format(model[i]),
        ]).ToList();
        return ReportTable.Whole("fit", "Observations and the fit",
            "Each observation (with its standard error and weight, where given) and the model's mean over the replications at the fitted values, at the " +
            "observation's step. From observed.csv and fit-timeseries.csv." + (model is null ? " This folder has no replications at the fit (the calibration stopped before it)." : ""),
            [new("observation"), new("date"), ReportColumn.Number("step"), new("metric"), ReportColumn.Number("observed"), ReportColumn.Number("se"),
                ReportColumn.Number("weight"), ReportColumn.Number("model at the fit")],
            rows);
    }

    /// <summary>The mean over the replications at the fit of each observation's metric at its step.</summary>
    private static double[] ModelMeans(CsvRows timeseries, CsvRows observed)
    {
        int step = timeseries.Column("step");
        return observed.Rows.Select(o =>
        {
            int metric = timeseries.Column(o[observed.Column("metric")]);
            string at = o[observed.Column("step")];
            var values = timeseries.Rows.Where(r => r[step] == at).Select(r => CsvRows.Number(r, metric)).Where(double.IsFinite).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }).ToArray();
    }
}
