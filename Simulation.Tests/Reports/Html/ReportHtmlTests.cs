using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TrustSim.Reports.Html;

namespace TrustSim.Tests.Reports.Html;

public sealed partial class ReportHtmlTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private static readonly byte[] Drawing = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"600\"><rect width=\"10\" height=\"10\"/></svg>\n");

    [Fact]
    public void Write_TextFromFilesWithMarkup_IsOnlyEverText()
    {
        var page = Page(
            title: Script,
            warnings: [Image],
            tables: [Table([[Script, "1"], ["\"><script>", "2"]])],
            charts: [new ReportChart("a.svg", Script, Image, Drawing, 1000, 600)],
            scenario: new ReportText("Scenario", "scenario.yaml", $"name: x\ndescription: \"{Script}\"\n", Image));

        string html = ReportHtml.Write(page with { Lead = Script, Facts = [Script], Notes = [Image] }, "trustsim " + Script);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EveryChart_IsItsSvgAsOneDataImage()
    {
        var charts = Enumerable.Range(1, 4).Select(i => new ReportChart($"c{i}.svg", $"Chart {i}", $"Caption {i}", Drawing, 1000, 600)).ToList();

        string html = ReportHtml.Write(Page(charts: charts), "trustsim");

        var sources = DataImages().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        Assert.Equal(4, sources.Count);
        Assert.All(sources, s => Assert.Equal(Drawing, s));
        Assert.Equal(4, Regex.Count(html, "<figure id=\"chart-[1-4]\">"));
        Assert.Contains("width=\"1000\" height=\"600\"", html, StringComparison.Ordinal);
        // More than three charts get a list of links to them.
        Assert.Equal(4, Regex.Count(html, "<li><a href=\"#chart-[1-4]\">Chart [1-4]</a></li>"));
    }

    [Fact]
    public void Write_MissingChart_ShowsWhatToRunInItsPlace()
    {
        string html = ReportHtml.Write(Page(charts: [new ReportChart("gone.svg", "Gone", "A chart.", null, 0, 0)]), "trustsim");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("charts/gone.svg is missing: &#39;trustsim plot&#39; on this folder draws it again", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Table_HasItsHeadingsRowsAndNumericColumns()
    {
        var table = Table([["final_reputation", "0.42"], ["min_reputation", "0.2"]]);

        string html = ReportHtml.Write(Page(tables: [table]), "trustsim");

        Assert.Contains("<section id=\"summary\"><h2>Summary</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">metric</th><th class=\"num\" scope=\"col\">mean</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>final_reputation</td><td class=\"num\">0.42</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>min_reputation</td><td class=\"num\">0.2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#summary\">Summary</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TableGroupedByItsFirstColumn_HeadsEachGroupOnce()
    {
        var table = new ReportTable("comparison", "Comparison", null, [new("metric"), new("side"), ReportColumn.Number("mean")],
            [["final_reputation", "A", "0.4"], ["final_reputation", "B", "0.5"], ["min_reputation", "A", "0.2"]], 3) { GroupedByFirstColumn = true };

        string html = ReportHtml.Write(Page(tables: [table]), "trustsim");

        Assert.Contains("<thead><tr><th scope=\"col\">side</th><th class=\"num\" scope=\"col\">mean</th></tr></thead>", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<tr class=\"group\"><th colspan=\"2\" scope=\"colgroup\">final_reputation</th></tr>"));
        Assert.Equal(1, Regex.Count(html, "<tr class=\"group\"><th colspan=\"2\" scope=\"colgroup\">min_reputation</th></tr>"));
        Assert.Contains("<tr><td>B</td><td class=\"num\">0.5</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TableShowingSomeRows_SaysHowManyTheFileHolds()
    {
        var table = Table([["a", "1"]]) with { TotalRows = 1234 };

        string html = ReportHtml.Write(Page(tables: [table]), "trustsim");

        Assert.Contains("The first 1 of 1234 rows; the file holds them all.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ManyWarnings_FoldsAllButTheFirstFive()
    {
        var warnings = Enumerable.Range(1, 8).Select(i => $"warning {i}").ToList();

        string html = ReportHtml.Write(Page(warnings: warnings), "trustsim");

        Assert.Contains("<h2>Warnings (8)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>3 more (all are in manifest.json)</summary>", html, StringComparison.Ordinal);
        Assert.Equal(8, Regex.Count(html, "<li>warning [1-8]</li>"));
        Assert.True(html.IndexOf("warning 5", StringComparison.Ordinal) < html.IndexOf("<details>", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SamePage_SameBytes()
    {
        var page = Page(tables: [Table([["a", "1"]])], charts: [new ReportChart("a.svg", "A", "A chart.", Drawing, 1000, 600)]);

        Assert.Equal(ReportHtml.Write(page, "trustsim"), ReportHtml.Write(page, "trustsim"));
    }

    [Fact]
    public void Write_Page_LoadsNothingAndRunsNothing()
    {
        string html = ReportHtml.Write(Page(charts: [new ReportChart("a.svg", "A", "A chart.", Drawing, 1000, 600)]), "trustsim");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src &#39;none&#39;; img-src data:;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ContentSecurityPolicy_AllowsExactlyThePagesStyleSheet()
    {
        string html = ReportHtml.Write(Page(), "trustsim");

        var css = StyleSheet().Match(html).Groups[1].Value;
        string hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        Assert.Contains($"style-src &#39;sha256-{hash}&#39;", html, StringComparison.Ordinal);
    }

    private static ReportPage Page(string title = "baseline", IReadOnlyList<string>? warnings = null, IReadOnlyList<ReportTable>? tables = null,
        IReadOnlyList<ReportChart>? charts = null, ReportText? scenario = null) =>
        new("Run", title, null, "completed", [], [], warnings ?? [], tables ?? [], charts ?? [], scenario,
            [new ReportFact("Tool version", "0.1.0", Code: true)]);

    private static ReportTable Table(IReadOnlyList<IReadOnlyList<string>> rows) =>
        ReportTable.Whole("summary", "Summary", null, [new ReportColumn("metric"), ReportColumn.Number("mean")], rows);

    [GeneratedRegex("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataImages();

    [GeneratedRegex("<style>(.*)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleSheet();
}
