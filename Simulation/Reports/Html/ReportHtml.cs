using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>
/// Writes a <see cref="ReportPage"/> as one self-contained HTML document: the style sheet inline, every
/// chart's SVG file as a data: image, no script, no font or anything else to fetch. The same page always
/// gives the same bytes (no clock is read here; the times shown are the manifest's).
/// </summary>
internal static class ReportHtml
{
    /// <summary>The document for <paramref name="page"/>; <paramref name="generator"/> names the tool that wrote it.</summary>
    public static string Write(ReportPage page, string generator)
    {
        var html = new HtmlWriter().Doctype();
        using (html.Open("html", ("lang", "en")))
        {
            html.Line();
            Head(html, page, generator);
            using (html.Open("body"))
            {
                html.Line();
                Header(html, page);
                using (html.Open("main", ("class", "wrap")))
                {
                    html.Line();
                    Warnings(html, page.Warnings);
                    Notes(html, page.Notes);
                    foreach (var table in page.Tables) Table(html, table);
                    Charts(html, page.Charts);
                    Scenario(html, page.Scenario);
                    Provenance(html, page.Provenance);
                    html.Element("footer", $"Written by {generator} from the files of this folder; 'trustsim report' on the folder writes it again, " +
                                           "and 'trustsim plot' redraws the charts from the data.").Line();
                }
                html.Line();
            }
            html.Line();
        }
        return html.Line().ToString();
    }

    private static void Head(HtmlWriter html, ReportPage page, string generator)
    {
        using (html.Open("head"))
        {
            html.Line().Void("meta", ("charset", "utf-8")).Line()
                .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line()
                .Void("meta", ("http-equiv", "Content-Security-Policy"), ("content", ReportStyle.ContentSecurityPolicy)).Line()
                .Void("meta", ("name", "generator"), ("content", generator)).Line()
                .Element("title", $"{page.Kind}: {page.Title} - TrustSim").Line()
                .StyleSheet().Line();
        }
        html.Line();
    }

    private static void Header(HtmlWriter html, ReportPage page)
    {
        using (html.Open("header", ("class", "page")))
        using (html.Open("div", ("class", "wrap")))
        {
            html.Element("p", $"TrustSim {page.Kind.ToLowerInvariant()}", ("class", "kind")).Line();
            html.Element("h1", page.Title).Line();
            if (page.Lead is { Length: > 0 } lead) html.Element("p", lead, ("class", "lead")).Line();
            using (html.Open("p", ("class", "facts")))
            {
                html.Element("span", page.Status, ("class", $"status {StatusClass(page.Status)}"));
                foreach (var fact in page.Facts) html.Element("span", fact);
            }
            html.Line();
            using (html.Open("nav", ("class", "contents"), ("aria-label", "Contents")))
            {
                if (page.Warnings.Count > 0) html.Element("a", $"Warnings ({Count(page.Warnings.Count)})", ("href", "#warnings"));
                foreach (var table in page.Tables) html.Element("a", table.Heading, ("href", "#" + table.Id));
                if (page.Charts.Count > 0) html.Element("a", $"Charts ({Count(page.Charts.Count)})", ("href", "#charts"));
                if (page.Scenario is not null) html.Element("a", "Scenario", ("href", "#scenario"));
                html.Element("a", "Provenance", ("href", "#provenance"));
            }
            html.Line();
        }
        html.Line();
    }

    /// <summary>Warnings shown open; the rest fold under a summary line (a small Sobol design can draw dozens).</summary>
    internal const int OpenWarnings = 5;

    private static void Warnings(HtmlWriter html, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0) return;
        using (html.Open("section", ("id", "warnings"), ("class", "warnings")))
        {
            html.Element("h2", warnings.Count == 1 ? "Warning" : $"Warnings ({Count(warnings.Count)})").Line();
            List(html, warnings.Take(OpenWarnings).ToList());
            if (warnings.Count > OpenWarnings)
            {
                using (html.Open("details"))
                {
                    html.Element("summary", $"{Count(warnings.Count - OpenWarnings)} more (all are in manifest.json)").Line();
                    List(html, warnings.Skip(OpenWarnings).ToList());
                }
                html.Line();
            }
        }
        html.Line();
    }

    private static void Notes(HtmlWriter html, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0) return;
        using (html.Open("section", ("id", "notes"), ("class", "notes")))
        {
            html.Element("h2", "How to read the results").Line();
            List(html, notes);
        }
        html.Line();
    }

    private static void List(HtmlWriter html, IReadOnlyList<string> items)
    {
        using (html.Open("ul"))
        {
            html.Line();
            foreach (var item in items) html.Element("li", item).Line();
        }
        html.Line();
    }

    private static void Table(HtmlWriter html, ReportTable table)
    {
        using (html.Open("section", ("id", table.Id)))
        {
            html.Element("h2", table.Heading).Line();
            if (table.Note is { } note) html.Element("p", note, ("class", "note")).Line();
            if (table.Rows.Count < table.TotalRows)
            {
                html.Element("p", $"The first {Count(table.Rows.Count)} of {Count(table.TotalRows)} rows; the file holds them all.", ("class", "note")).Line();
            }
            using (html.Open("div", ("class", "table-box"), ("tabindex", "0"), ("role", "region"), ("aria-label", table.Heading)))
            using (html.Open("table"))
            {
                html.Line();
                int first = table.GroupedByFirstColumn ? 1 : 0;
                using (html.Open("thead"))
                using (html.Open("tr"))
                {
                    foreach (var column in table.Columns.Skip(first)) html.Element("th", column.Heading, ("class", CellClass(column)), ("scope", "col"));
                }
                html.Line();
                using (html.Open("tbody"))
                {
                    html.Line();
                    string? group = null;
                    foreach (var row in table.Rows)
                    {
                        if (table.GroupedByFirstColumn && row[0] != group)
                        {
                            group = row[0];
                            using (html.Open("tr", ("class", "group")))
                                html.Element("th", group, ("colspan", Count(table.Columns.Count - 1)), ("scope", "colgroup"));
                            html.Line();
                        }
                        using (html.Open("tr"))
                        {
                            for (int c = first; c < table.Columns.Count; c++)
                                html.Element("td", c < row.Count ? row[c] : "", ("class", CellClass(table.Columns[c])));
                        }
                        html.Line();
                    }
                }
                html.Line();
            }
            html.Line();
        }
        html.Line();
    }

    private static void Charts(HtmlWriter html, IReadOnlyList<ReportChart> charts)
    {
        if (charts.Count == 0) return;
        using (html.Open("section", ("id", "charts")))
        {
            html.Element("h2", $"Charts ({Count(charts.Count)})").Line();
            html.Element("p", "Each chart is also in charts/ as PNG (for screens) and SVG (vectors, for print).", ("class", "note")).Line();
            if (charts.Count > 3)
            {
                using (html.Open("ol", ("class", "chart-index")))
                {
                    html.Line();
                    for (int i = 0; i < charts.Count; i++)
                    {
                        using (html.Open("li")) html.Element("a", charts[i].Title, ("href", $"#chart-{i + 1}"));
                        html.Line();
                    }
                }
                html.Line();
            }
            for (int i = 0; i < charts.Count; i++) Chart(html, charts[i], i + 1);
        }
        html.Line();
    }

    private static void Chart(HtmlWriter html, ReportChart chart, int number)
    {
        using (html.Open("figure", ("id", $"chart-{number}")))
        {
            html.Line();
            if (chart.Svg is { } svg)
            {
                // A data: image, not inline markup: a chart file cannot run script or restyle the page, and the
                // ids inside each drawing (ScottPlot numbers its clip paths from 1) cannot clash with another's.
                html.Void("img", ("src", "data:image/svg+xml;base64," + Convert.ToBase64String(svg)), ("alt", chart.Caption),
                    ("width", Count(chart.Width)), ("height", Count(chart.Height)), ("class", "chart"));
            }
            else
            {
                html.Element("div", $"charts/{chart.FileName} is missing: 'trustsim plot' on this folder draws it again, then 'trustsim report' shows it here.",
                    ("class", "missing"), ("role", "img"), ("aria-label", chart.Caption));
            }
            html.Line();
            using (html.Open("figcaption"))
            {
                html.Element("strong", $"{number}.").Text($" {chart.Caption} ");
                html.Element("code", $"charts/{chart.FileName}");
            }
            html.Line();
        }
        html.Line();
    }

    private static void Scenario(HtmlWriter html, ReportText? scenario)
    {
        if (scenario is null) return;
        using (html.Open("section", ("id", "scenario")))
        {
            html.Element("h2", scenario.Heading).Line();
            using (html.Open("p", ("class", "note")))
            {
                html.Element("code", scenario.FileName);
                if (scenario.Note is { } note) html.Text(": " + note);
            }
            html.Line();
            using (html.Open("pre", ("tabindex", "0"), ("aria-label", scenario.FileName))) html.Element("code", scenario.Text);
            html.Line();
        }
        html.Line();
    }

    private static void Provenance(HtmlWriter html, IReadOnlyList<ReportFact> facts)
    {
        using (html.Open("section", ("id", "provenance")))
        {
            html.Element("h2", "Provenance").Line();
            using (html.Open("dl", ("class", "provenance")))
            {
                html.Line();
                foreach (var fact in facts)
                {
                    html.Element("dt", fact.Term);
                    using (html.Open("dd"))
                    {
                        if (fact.Code) html.Element("code", fact.Value);
                        else html.Text(fact.Value);
                    }
                    html.Line();
                }
            }
            html.Line();
        }
        html.Line();
    }

    private static string? CellClass(ReportColumn column) => column.Numeric ? "num" : column.Wraps ? "prose" : null;

    private static string StatusClass(string status) => status switch
    {
        "failed" or "interrupted" or "running" => status,
        "not converged" => "interrupted", // results kept but not to be trusted, as after Ctrl-C
        _ => "ok",
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
