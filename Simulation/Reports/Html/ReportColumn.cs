namespace TrustSim.Reports.Html;

/// <summary>
/// A column of a <see cref="ReportTable"/>: its heading, whether it holds numbers (set right-aligned), and whether
/// its text may wrap (sentences, paths); other cells stay on one line and a wide table scrolls in its box.
/// </summary>
internal sealed record ReportColumn(string Heading, bool Numeric = false, bool Wraps = false)
{
    public static ReportColumn Number(string heading) => new(heading, Numeric: true);

    public static ReportColumn Prose(string heading) => new(heading, Wraps: true);
}
