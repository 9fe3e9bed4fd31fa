namespace TrustSim.Reports.Html;

/// <summary>A table of the page: a heading, an optional note under it, its columns and rows of text.</summary>
/// <param name="Id">The anchor the page's contents link to (letters, digits and dashes).</param>
/// <param name="Heading">The table's heading.</param>
/// <param name="Note">What the numbers are (intervals, units, where the rest is), or null.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows shown, each with one cell per column.</param>
/// <param name="TotalRows">How many rows the file holds: more than <see cref="Rows"/> when the page shows only the first ones.</param>
internal sealed record ReportTable(
    string Id,
    string Heading,
    string? Note,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    int TotalRows)
{
    /// <summary>
    /// True when the first column names groups of consecutive rows (a metric): it is shown as a heading row where
    /// its value changes, not as a column, so the columns that differ within a group fit the width of a laptop.
    /// </summary>
    public bool GroupedByFirstColumn { get; init; }

    /// <summary>A table that shows every row it has.</summary>
    public static ReportTable Whole(string id, string heading, string? note, IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        new(id, heading, note, columns, rows, rows.Count);
}
