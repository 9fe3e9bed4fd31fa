using TrustSim.Core;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>fit.csv (one row per fitted parameter) and trace.csv (one row per evaluation).</summary>
internal static class CalibrationCsv
{
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
