using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>The page of a comparison folder: the sides, the comparison table (each side, and its difference from the first), the overlay charts.</summary>
internal static class ComparisonPage
{
    /// <summary>Rows of comparison.csv shown on the page (a sweep comparison has one per metric, side and design point); the file holds all.</summary>
    internal const int MaxRows = 1000;

    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var comparison = manifest.Comparison ?? throw new ArgumentException("not a comparison folder", nameof(source));
        var table = CsvRows.Read(source.PathOf(CompareFolder.FileName), CompareFolder.Header);
        var sides = comparison.Sides;
        var tables = new List<ReportTable> { SidesTable(comparison), ComparisonTable(table, sides[0].Label) };
        var facts = new List<string>
        {
            $"{ReportPages.Counted(sides.Count, "side")} ({string.Join(", ", sides.Select(s => s.Kind).Distinct(StringComparer.Ordinal))})",
            $"differences {Pairing(comparison.Pairing)}",
            $"ended {ProvenanceFacts.Time(manifest.EndedUtc)}",
        };
        var notes = new List<string> { $"Differences are each side minus the first ({sides[0].Label}), with 95% intervals; {Pairing(comparison.Pairing)}." };
        if (comparison.Note.Length > 0) notes.Add($"Sides: {comparison.Note}.");
        bool sweeps = sides.Any(s => s.Kind == "sweep");
        notes.AddRange(SweepPage.IntervalNotes(comparison.Intervals, table.Rows.Select(r => r[table.Column("metric")]).Distinct(StringComparer.Ordinal).ToList(),
            sweeps ? "design point" : "side"));
        string title = string.Join(" vs ", sides.Select(s => s.Label));
        // Sweep sides' charts are named after the parameters, which the design points of comparison.csv spell out.
        var parameters = table.Rows.SelectMany(r => r[table.Column("point")].Split(';', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=')[0]).Distinct(StringComparer.Ordinal).ToList();
        return ReportPages.Page(source, "Comparison", title, facts, notes, tables, scenarioFile: null, parameters: parameters);
    }

    private static string Pairing(string pairing) => pairing switch
    {
        "paired" => "paired t over replications (the same seeds on every side: common random numbers)",
        "mixed" => "paired t where the seeds match, Welch's t elsewhere",
        _ => "Welch's t (the sides' seeds differ)",
    };

    private static ReportTable SidesTable(ComparisonManifest comparison) =>
        ReportTable.Whole("sides", "Sides", "In the order given; each side's own folder (or scenario file) has its scenario and provenance.",
            [ReportColumn.Number("side"), new("label"), new("kind"), ReportColumn.Prose("path as given"), ReportColumn.Number("master seed"), new("scenario SHA-256")],
            comparison.Sides.Select((s, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), s.Label, s.Kind, s.Path, s.MasterSeed.ToString(CultureInfo.InvariantCulture),
                s.ScenarioSha256 is { Length: > 16 } sha ? sha[..16] + "..." : s.ScenarioSha256 ?? "",
            ]).ToList());

    private static IReadOnlyList<string[]> InPointOrder(IReadOnlyList<string[]> rows, int metric, int point)
    {
        var metrics = rows.Select(r => r[metric]).Distinct(StringComparer.Ordinal).Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        var points = rows.Select(r => r[point]).Distinct(StringComparer.Ordinal).Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        // OrderBy is stable: within a metric and point, the sides keep the file's order.
        return rows.OrderBy(r => metrics[r[metric]]).ThenBy(r => points[r[point]]).ToList();
    }

    private static ReportTable ComparisonTable(CsvRows table, string reference)
    {
        int Column(string name) => table.Column(name);
        bool sweep = table.Rows.Any(r => r[Column("point")].Length > 0);
        // comparison.csv lists a metric's rows side by side; the page puts each design point's sides together, so a
        // difference stands under the mean it is taken from. Orders are those of first appearance in the file.
        var ordered = sweep ? InPointOrder(table.Rows, Column("metric"), Column("point")) : table.Rows;
        var rows = ordered.Take(MaxRows).Select(r =>
        {
            var cells = new List<string> { ReportPages.Described(r[Column("metric")]), r[Column("side")] };
            if (sweep) cells.Add(r[Column("point")].Replace(";", ", ", StringComparison.Ordinal));
            bool difference = r[Column("difference")].Length > 0;
            cells.AddRange(
            [
                SweepPage.Cell(r, Column("mean"), Column("ci_low"), Column("ci_high")),
                difference ? SweepPage.Cell(r, Column("difference"), Column("difference_ci_low"), Column("difference_ci_high")) : "",
                ReportNumbers.P(CsvRows.Number(r, Column("p_value"))),
                r[Column("effect_size")].Length > 0 ? CsvRows.Formatted(r, Column("effect_size")) : difference && r[Column("p_value")].Length > 0 ? "undefined" : "",
                CsvRows.Formatted(r, Column("sd")), r[Column("n")], r[Column("test")].Replace('_', ' '),
            ]);
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var columns = new List<ReportColumn> { new("metric"), new("side") };
        if (sweep) columns.Add(new ReportColumn("design point"));
        columns.AddRange([ReportColumn.Number("mean [95% CI]"), ReportColumn.Number($"minus {reference} [95% CI]"), ReportColumn.Number("p"),
            ReportColumn.Number("effect size"), ReportColumn.Number("sd"), ReportColumn.Number("n"), new("test")]);
        return new ReportTable("comparison", "Comparison",
            "Under each summary metric, each side's mean, and on the other sides' rows the difference from the first side. The effect size is in " +
            "standard deviations (d_z when paired, Cohen's d otherwise); 'undefined' where there is no spread to scale by. From comparison.csv.",
            columns, rows, table.Rows.Count) { GroupedByFirstColumn = true };
    }
}
