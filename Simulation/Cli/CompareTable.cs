using System.Globalization;
using Spectre.Console;
using TrustSim.Core;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>Prints comparison.csv as an aligned plain-text table (runs), or a per-metric digest of point differences (sweeps).</summary>
internal static class CompareTable
{
    public static void Print(IAnsiConsole output, string path, string reference)
    {
        var rows = CompareFolder.ReadTable(path);
        if (rows.Any(r => r["point"].Length > 0))
        {
            foreach (var metric in rows.Select(r => r["metric"]).Distinct())
            {
                var diffs = rows.Where(r => r["metric"] == metric && r["difference"].Length > 0).ToList();
                int excluding = diffs.Count(r => CsvFile.Number(r["difference_ci_low"]) > 0 || CsvFile.Number(r["difference_ci_high"]) < 0);
                output.Print($"{metric}: {diffs.Count} matched design point(s), {excluding} with a 95% CI of the difference that excludes 0");
            }
            return;
        }
        var table = new List<string[]> { new[] { "metric", "side", "mean [95% CI]", "n", $"minus {reference} [95% CI]", "p", "effect" } };
        foreach (var r in rows)
        {
            table.Add(
            [
                r["metric"], r["side"], $"{N(r["mean"])} [{N(r["ci_low"])}, {N(r["ci_high"])}]", r["n"],
                r["difference"].Length == 0 ? "" : $"{N(r["difference"])} [{N(r["difference_ci_low"])}, {N(r["difference_ci_high"])}]",
                r["p_value"].Length == 0 ? "" : P(r["p_value"]), Effect(r),
            ]);
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(t => t[c].Length)).ToArray();
        foreach (var t in table) output.Print(string.Join("  ", t.Select((x, c) => x.PadRight(widths[c]))).TrimEnd());
    }

    private static string N(string field) => field.Length == 0 ? "" : CsvFile.Number(field) switch
    {
        var x when Math.Abs(x) >= 1e5 => x.ToString("0.###e+0", CultureInfo.InvariantCulture),
        var x => x.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>An empty effect size beside a difference is undefined (no spread to scale by), and says so.</summary>
    private static string Effect(IReadOnlyDictionary<string, string> r) =>
        r["effect_size"].Length > 0 ? N(r["effect_size"]) : r["difference"].Length > 0 && r["p_value"].Length > 0 ? "undefined" : "";

    private static string P(string field) => CsvFile.Number(field) is var p && p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);
}
