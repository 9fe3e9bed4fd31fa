using System.Globalization;
using Spectre.Console;
using TrustSim.Core;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>Prints comparison.csv as aligned plain-text tables within 100 columns (runs), or a per-metric digest of point differences (sweeps).</summary>
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
        // One block per side against the reference, so the table stays within 100 columns however
        // many sides there are; the intervals of each mean and the test used are in comparison.csv.
        var sides = rows.Select(r => r["side"]).Distinct().ToList();
        output.Print($"A = {reference}");
        foreach (var side in sides.Where(s => s != reference))
        {
            output.Print("");
            output.Print($"B = {side}");
            var table = new List<string[]> { new[] { "metric", "A mean", "B mean", "B - A [95% CI]", "p", "effect" } };
            foreach (var metric in rows.Select(r => r["metric"]).Distinct())
            {
                var a = rows.FirstOrDefault(r => r["metric"] == metric && r["side"] == reference);
                var b = rows.FirstOrDefault(r => r["metric"] == metric && r["side"] == side);
                if (a is null || b is null) continue;
                table.Add(
                [
                    metric, N(a["mean"]), N(b["mean"]),
                    b["difference"].Length == 0 ? "" : $"{N(b["difference"])} [{N(b["difference_ci_low"])}, {N(b["difference_ci_high"])}]",
                    b["p_value"].Length == 0 ? "" : P(b["p_value"]), Effect(b),
                ]);
            }
            var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(t => t[c].Length)).ToArray();
            // Text left, numbers right, two spaces between columns.
            foreach (var t in table)
                output.Print(string.Join("  ", t.Select((x, c) => c == 0 ? x.PadRight(widths[c]) : x.PadLeft(widths[c]))).TrimEnd());
        }
    }

    /// <summary>Four significant figures (three in exponent form): enough to read, narrow enough to fit.</summary>
    private static string N(string field) => field.Length == 0 ? "" : CsvFile.Number(field) switch
    {
        0 => "0",
        var x when Math.Abs(x) >= 1e5 || Math.Abs(x) < 1e-4 => x.ToString("0.##e+0", CultureInfo.InvariantCulture),
        var x => x.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>An empty effect size beside a difference is undefined (no spread to scale by), and says so.</summary>
    private static string Effect(IReadOnlyDictionary<string, string> r) =>
        r["effect_size"].Length > 0 ? N(r["effect_size"]) : r["difference"].Length > 0 && r["p_value"].Length > 0 ? "undefined" : "";

    private static string P(string field) => CsvFile.Number(field) is var p && p < 0.0001 ? "<1e-4" : p.ToString("0.####", CultureInfo.InvariantCulture);
}
