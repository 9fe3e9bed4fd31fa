namespace TrustSim.Tests.Cli;

/// <summary>
/// <c>trustsim report DIR</c> on every kind of folder the CLI makes: the page its command left comes back byte for
/// byte (from a copy in another place, so nothing of the folder's path is in it), and a folder that is unfinished,
/// cut short or edited is refused with exit 2 naming the file, leaving report.html as it was.
/// </summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class ReportCommandTests(OutputFolders folders)
{
    public static TheoryData<string> Kinds => ["run", "sweep", "comparison", "calibration", "threshold"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Report_FolderTheCommandLeft_WritesTheSameBytesAgain(string kind)
    {
        string original = Path.Combine(Folder(kind), "report.html");
        Assert.True(File.Exists(original), $"the {kind} command left no report.html");
        string copy = WholeCopy(Folder(kind));
        File.Delete(Path.Combine(copy, "report.html"));

        var outcome = CliRunner.Run("report", copy);

        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(Path.Combine(copy, "report.html")));
        Assert.Contains($"Written {Path.Combine(copy, "report.html")}", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RunFolder_ShowsItsTablesChartsScenarioAndProvenance()
    {
        string html = File.ReadAllText(Path.Combine(folders.Run, "report.html"));

        Assert.Contains("<h1>repeated-scandals</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>final_reputation</td>", html, StringComparison.Ordinal);
        Assert.Equal(5, Count(html, "<img src=\"data:image/svg+xml;base64,"));
        Assert.Contains("<code>scenario.yaml</code>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Master seed</dt><dd><code>2016</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Command line</dt><dd><code>trustsim run ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MarkupInDescriptionLabelAndInstitutionName_IsTextOnThePage()
    {
        string html = File.ReadAllText(Path.Combine(InjectedRun.Make(), "report.html"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</code></pre><script", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"lead\">&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("name: &quot;&lt;img src=x onerror=alert(1)&gt;&quot;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "summary.csv", "its last line has no line break")]
    [InlineData("sweep", "points.csv", "its last line has no line break")]
    [InlineData("comparison", "comparison.csv", "its last line has no line break")]
    [InlineData("calibration", "trace.csv", "its last line has no line break")]
    [InlineData("threshold", "threshold.csv", "its last line has no line break")]
    [InlineData("run", "charts/reputation.svg", "not a whole SVG drawing")]
    [InlineData("sweep", "manifest.json", "its last line has no line break")]
    public void Report_FileCutShort_ExitsTwoNamingItAndLeavesThePage(string kind, string file, string expected)
    {
        string copy = WholeCopy(Folder(kind));
        string path = Path.Combine(copy, file);
        byte[] page = File.ReadAllBytes(Path.Combine(copy, "report.html"));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var outcome = CliRunner.Run("report", copy);

        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.Contains(path, outcome.Error, StringComparison.Ordinal);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(page, File.ReadAllBytes(Path.Combine(copy, "report.html")));
    }

    [Fact]
    public void Report_EditedSummaryValue_ExitsTwoNamingTheLine()
    {
        string copy = WholeCopy(folders.Run);
        string summary = Path.Combine(copy, "summary.csv");
        var lines = File.ReadAllLines(summary);
        lines[1] = lines[1].Replace(",0.", ",zero.", StringComparison.Ordinal);
        File.WriteAllLines(summary, lines);

        var outcome = CliRunner.Run("report", copy);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{summary}:2:", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnfinishedRun_ExitsTwoSayingTheManifestIsMissing()
    {
        string copy = WholeCopy(folders.Run);
        File.Delete(Path.Combine(copy, "manifest.json"));

        var outcome = CliRunner.Run("report", copy);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{Path.Combine(copy, "manifest.json")}: missing", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FolderThatIsNotOurs_ExitsTwoNamingTheVerb()
    {
        using var empty = new TempFolder();
        File.WriteAllText(empty.File("notes.txt"), "mine\n");

        var outcome = CliRunner.Run("report", empty.Path);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a TrustSim output folder (no manifest.json); report reads", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(empty.File("report.html")));
    }

    [Fact]
    public void Report_AFile_ExitsTwo()
    {
        var outcome = CliRunner.Run("report", Path.Combine(folders.Run, "summary.csv"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("is a file; report takes an output folder", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ChartMissing_IsWrittenWithTheChartMarkedMissing()
    {
        string copy = WholeCopy(folders.Run);
        File.Delete(Path.Combine(copy, "charts", "records.svg"));

        var outcome = CliRunner.Run("report", copy);

        Assert.Equal(0, outcome.ExitCode);
        string html = File.ReadAllText(Path.Combine(copy, "report.html"));
        Assert.Contains("charts/records.svg is missing (the chart could not be drawn when the folder was written)", html, StringComparison.Ordinal);
        Assert.Equal(4, Count(html, "<img src=\"data:image/svg+xml;base64,"));
    }

    [Fact]
    public void Report_CalibrationInterruptedBeforeAFit_ShowsTheLossChartAndSaysWhy()
    {
        string copy = WholeCopy(folders.Calibration);
        foreach (string file in new[] { "fitted.yaml", "fit-timeseries.csv", "fit-events.csv" }) File.Delete(Path.Combine(copy, file));
        foreach (string chart in Directory.GetFiles(Path.Combine(copy, "charts"), "fit-*")) File.Delete(chart);
        string manifest = Path.Combine(copy, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("\"status\": \"completed\"", "\"status\": \"interrupted\"", StringComparison.Ordinal)
            .Replace("\"error\": null", "\"error\": \"interrupted by the user; the fit is the best found so far\"", StringComparison.Ordinal));

        var outcome = CliRunner.Run("report", copy);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        string html = File.ReadAllText(Path.Combine(copy, "report.html"));
        Assert.Contains("The command ended &#39;interrupted&#39;: interrupted by the user; the fit is the best found so far.", html, StringComparison.Ordinal);
        Assert.Contains("This folder has no fit to show", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status interrupted\">interrupted</span>", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<img src=\"data:image/svg+xml;base64,"));
        Assert.DoesNotContain("id=\"scenario\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_RunFolder_WritesTheSamePageAgainAfterTheCharts()
    {
        string copy = WholeCopy(folders.Run);
        File.Delete(Path.Combine(copy, "report.html"));

        var outcome = CliRunner.Run("plot", copy);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folders.Run, "report.html")), File.ReadAllBytes(Path.Combine(copy, "report.html")));
    }

    private string Folder(string kind) => kind switch
    {
        "run" => folders.Run,
        "sweep" => folders.Sweep,
        "comparison" => folders.Comparison,
        "calibration" => folders.Calibration,
        _ => folders.Threshold,
    };

    /// <summary>A copy of <paramref name="folder"/> with its charts (a sweep's parts/ too), in a new temporary folder.</summary>
    private static string WholeCopy(string folder)
    {
        string copy = Path.Combine(TempFolder.Create(), Path.GetFileName(folder));
        foreach (string dir in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(copy, Path.GetRelativePath(folder, dir)));
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(copy, Path.GetRelativePath(folder, file)));
        return copy;
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
