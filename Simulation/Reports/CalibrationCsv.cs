using TrustSim.Core;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>fit.csv (one row per fitted parameter) and trace.csv (one row per evaluation).</summary>
internal static class CalibrationCsv
{
    /// <summary>fit.csv's columns, as <see cref="WriteFit"/> writes them.</summary>
    public static IReadOnlyList<TableField> FitFields { get; } =
    [
        TableField.Text("parameter", "the fitted scenario key"),
        TableField.Number("value", "its fitted value"),
        TableField.Number("min", "lower bound of the search (empty when the key has none)"),
        TableField.Number("max", "upper bound of the search (empty when the key has none)"),
        TableField.Boolean("log", "true when the search ran on the logarithm of the value"),
        TableField.Number("se", "standard error of the fitted value, from the loss's curvature; empty when a profile stands in for it"),
        TableField.Number("profile_low_value", "the value 10% of the range below the fit, where the profile was taken"),
        TableField.Number("profile_low_loss", "the loss there"),
        TableField.Number("profile_high_value", "the value 10% of the range above the fit"),
        TableField.Number("profile_high_loss", "the loss there"),
    ];

    /// <summary>trace.csv's columns for these fitted keys, as <see cref="WriteTrace"/> writes them.</summary>
    public static IReadOnlyList<TableField> TraceFields(IReadOnlyList<string> parameters) =>
    [
        TableField.Integer("index", "evaluation number, from 0"),
        TableField.Text("phase", "search, or uncertainty (the evaluations around the fit)") with { Values = ["search", "uncertainty"] },
        TableField.Integer("start", "which start of the search, from 1 (1 is the scenario's own values); empty in the uncertainty phase"),
        .. parameters.Select(p => TableField.Parameter(p, "the value tried of the fitted")),
        TableField.Number("loss", "weighted squared error against the observations; empty when the values made an invalid scenario"),
    ];

    public static void WriteFit(string path, CalibrationResult result)
    {
        string[] header = ["parameter", "value", "min", "max", "log", "se", "profile_low_value", "profile_low_loss", "profile_high_value", "profile_high_loss"];
        var rows = result.Parameters.Select((p, k) =>
        {
            var u = k < result.Uncertainty.Count ? result.Uncertainty[k] : null;
            bool profile = u?.Se is null && u is not null;
            return (IReadOnlyList<string>)
            [
                p.Path, CsvText.Number(result.Values[k]), CsvText.Number(p.Min ?? double.NaN), CsvText.Number(p.Max ?? double.NaN),
                p.Log ? "true" : "false",
                CsvText.Number(u?.Se ?? double.NaN),
                profile ? CsvText.Number(u!.BelowValue) : "", CsvText.Number(u?.ProfileBelow ?? double.NaN),
                profile ? CsvText.Number(u!.AboveValue) : "", CsvText.Number(u?.ProfileAbove ?? double.NaN),
            ];
        });
        CsvTable.Write(path, header, rows);
    }

    public static void WriteTrace(string path, CalibrationResult result)
    {
        var header = new List<string> { "index", "phase", "start" };
        header.AddRange(result.Parameters.Select(p => p.Path));
        header.Add("loss");
        var rows = result.Trace.Select(e =>
        {
            var row = new List<string>
            {
                CsvText.Integer(e.Index),
                e.IsSearch ? "search" : "uncertainty",
                e.Start is { } s ? CsvText.Integer(s + 1) : "",
            };
            row.AddRange(e.Values.Select(CsvText.Number));
            // An invalid vector (the scenario would not load) has no loss.
            row.Add(double.IsFinite(e.Loss) ? CsvText.Number(e.Loss) : "");
            return (IReadOnlyList<string>)row;
        });
        CsvTable.Write(path, header, rows);
    }
}
