using System.Globalization;
using Spectre.Console;
using TrustSim.Charts;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// What a discovery prints: where the cases came from, how many are of interest, each box as a table of
/// its limits against each input's full range with quasi-p-values, why covering stopped, and the same
/// in one paragraph a researcher can paste into a paper.
/// </summary>
internal static class DiscoveryReport
{
    public static void Print(IAnsiConsole console, DiscoveryDocument d, DiscoverySource.Cases cases)
    {
        string file = Path.GetFileName(cases.File);
        string unit = cases.Unit switch
        {
            DiscoveryUnit.Runs => $"one case per run of {file}; --cases points takes each design point's means instead",
            DiscoveryUnit.Points => $"one case per design point of {file}, each metric its mean over the point's replications",
            _ => $"one case per row of {file}",
        };
        console.Print($"Scenario discovery (PRIM) on {d.Name}: {Count(d.Searched)} {d.Cases} ({unit})");
        string leftOut = d.LeftOut + cases.Failed > 0
            ? $"; left out: {Join(d.LeftOut > 0 ? $"{Count(d.LeftOut)} with a missing value" : null, cases.Failed > 0 ? $"{Count(cases.Failed)} failed runs" : null)}"
            : "";
        console.Print($"Cases of interest ({d.Where}): {Count(d.OfInterest)} of {Count(d.Searched)} ({Percent(d.BaseDensity)}){leftOut}");
        console.Print("");
        var byName = d.Inputs.ToDictionary(i => i.Name);
        int width = Math.Max(5, d.Boxes.SelectMany(b => b.Limits.Keys.Concat(b.Dropped.Select(x => x.Input))).DefaultIfEmpty("").Max(n => n.Length));
        foreach (var box in d.Boxes)
        {
            console.Print($"Box {box.Box}: coverage {Num(box.Coverage)}, density {Num(box.Density)}, mass {Num(box.Mass)} " +
                $"({Count(box.Cases)} {d.Cases}, {Count(box.OfInterest)} of interest)");
            var rows = box.Limits.Select(l => (Name: l.Key, Limits: Limits(byName[l.Key], l.Value), Range: Range(byName[l.Key]), P: DiscoveryText.P(box.QuasiP[l.Key])))
                .ToList();
            int limitsWidth = Math.Max(12, rows.Max(r => r.Limits.Length)), rangeWidth = Math.Max(12, rows.Max(r => r.Range.Length));
            console.Print($"  {"input".PadRight(width)}  {"limits".PadRight(limitsWidth)}  {"full range".PadRight(rangeWidth)}  quasi-p");
            foreach (var row in rows)
                console.Print($"  {row.Name.PadRight(width)}  {row.Limits.PadRight(limitsWidth)}  {row.Range.PadRight(rangeWidth)}  {row.P}");
            if (box.Dropped.Count > 0)
                console.Print($"  dropped as not significant: {string.Join(", ", box.Dropped.Select(x => $"{x.Input} (quasi-p {DiscoveryText.P(x.QuasiP)})"))}");
        }
        if (d.Boxes.Count == 0) console.Print($"No box found: {d.Stopped.Reason}.");
        else
        {
            console.Print($"Covering stopped: {d.Stopped.Reason}.");
            int cases1 = d.Boxes.Sum(b => b.Cases), interesting = d.Boxes.Sum(b => b.OfInterest);
            if (d.Boxes.Count > 1)
                console.Print($"Together the {d.Boxes.Count} boxes hold {Percent(d.Boxes.Sum(b => b.Coverage))} of the cases of interest at density {Num((double)interesting / cases1)}.");
        }
        console.Print("");
        console.Print($"In words: {Paragraph(d, byName)}");
    }

    /// <summary>The result in one paragraph: the selection, the method and its settings, and each box.</summary>
    public static string Paragraph(DiscoveryDocument d, IReadOnlyDictionary<string, DiscoveryInput> inputs)
    {
        var s = d.Settings;
        string method = $"PRIM (Friedman and Fisher 1999; peeling alpha {Num(s.PeelAlpha)}, pasting alpha {Num(s.PasteAlpha)}, minimum mass {Num(s.MinMass)}, " +
            (s.Density is { } level ? $"boxes picked at density {Num(level)} or more" : "boxes picked at the knee of the peeling trajectory") +
            (s.Prune ? $", restrictions dropped when their quasi-p-value (Bryant and Lempert 2010) was above {Num(s.Significance)}" +
                (s.Density is { } kept ? $" unless the box needed them to keep density {Num(kept)}" : "") : "") +
            (d.Boxes.Count > 0 ? ", boxes found in turn by covering)" : ")");
        string start = $"Of {Count(d.Searched)} {d.Cases}, {Count(d.OfInterest)} ({Percent(d.BaseDensity)}) had {d.Where}.";
        if (d.Boxes.Count == 0) return $"{start} {method} found no box: {d.Stopped.Reason}.";
        var boxes = d.Boxes.Select(b => $"({b.Box}) {string.Join(" and ", b.Limits.Select(l => Condition(inputs[l.Key], l.Value)))} " +
            $"(coverage {Num(b.Coverage)}, density {Num(b.Density)})");
        return $"{start} {method} found {(d.Boxes.Count == 1 ? "one box" : $"{d.Boxes.Count} boxes")}: {string.Join("; ", boxes)}.";
    }

    /// <summary>A restriction as a condition: "x &lt;= 2.7", "x &gt;= 0.4", "0.2 &lt;= x &lt;= 0.6", "mode in {a, b}".</summary>
    private static string Condition(DiscoveryInput input, System.Text.Json.Nodes.JsonNode limits)
    {
        var limit = DiscoveryFolder.Limit(DiscoveryFolder.FileName, input, limits, 0);
        if (input.Kind == "categorical") return $"{input.Name} in {{{string.Join(", ", limit.Kept.Select(k => input.Categories![k]))}}}";
        double min = input.Min!.Value, max = input.Max!.Value;
        bool low = limit.Low > min, high = limit.High < max;
        string Value(double x) => LimitText.Value(x, min, max);
        return low && high ? $"{Value(limit.Low)} <= {input.Name} <= {Value(limit.High)}" : low ? $"{input.Name} >= {Value(limit.Low)}" : $"{input.Name} <= {Value(limit.High)}";
    }

    /// <summary>A restriction for the table: "&lt;= 2.58" or "&gt;= 0.4" when one end is the input's own, "0.2 to 0.6", or the categories kept.</summary>
    private static string Limits(DiscoveryInput input, System.Text.Json.Nodes.JsonNode limits)
    {
        var limit = DiscoveryFolder.Limit(DiscoveryFolder.FileName, input, limits, 0);
        return input.Kind == "categorical"
            ? string.Join(", ", limit.Kept.Select(k => input.Categories![k]))
            : LimitText.Range(limit.Low, limit.High, input.Min!.Value, input.Max!.Value);
    }

    private static string Range(DiscoveryInput input) => input.Kind == "categorical"
        ? string.Join(", ", input.Categories!)
        : $"{LimitText.Value(input.Min!.Value, input.Min.Value, input.Max!.Value)} to {LimitText.Value(input.Max.Value, input.Min.Value, input.Max.Value)}";

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => p is not null));

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits, which is all a box limit from a few thousand cases carries; no exponent for everyday sizes.</summary>
    public static string Num(double x) =>
        Math.Abs(x) >= 1000 ? x.ToString("#,0", CultureInfo.InvariantCulture) : x.ToString("G3", CultureInfo.InvariantCulture);
}
