using System.Text;

namespace TrustSim.Tests.Cli;

/// <summary>
/// The reproductions of issue 14, items 7, 20 and 21: compare and plot on folders with a truncated, edited
/// or missing file refuse with exit 2 and a message naming the file and line, instead of filling in zeros
/// or failing with "unexpected error"; plot redraws every kind of folder the tool writes.
/// </summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class CorruptFolderTests(OutputFolders folders)
{
    private static string[] Lines(string path) => File.ReadAllText(path).Split('\n')[..^1];

    private static void WriteLines(string path, IEnumerable<string> lines) => File.WriteAllText(path, string.Join('\n', lines) + "\n");

    private CliRunner.Outcome Compare(string side) =>
        CliRunner.Run("compare", side, folders.OtherRun, "--out", Path.Combine(Path.GetDirectoryName(side)!, "compared"));

    private static void AssertRefused(CliRunner.Outcome outcome, string expected)
    {
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.Contains(expected, outcome.Error);
        Assert.DoesNotContain("unexpected error", outcome.Error);
    }

    [Fact]
    public void Compare_SummaryCutAfterTheFirstRow_ExitsTwoSayingARowIsMissing()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        WriteLines(summary, Lines(summary)[..2]);

        var outcome = Compare(run);

        AssertRefused(outcome, $"{summary}: 1 rows for the 2 replications in manifest.json (replication 1 has none)");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(run)!, "compared", "comparison.csv")), "no statistics from a partial file");
    }

    [Fact]
    public void Compare_SummaryCutInsideARow_ExitsTwo()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var text = File.ReadAllText(summary);
        File.WriteAllText(summary, text[..(text.Length - 20)]);

        AssertRefused(Compare(run), $"{summary}: its last line has no line break: the file was cut short");
    }

    [Fact]
    public void Compare_FirstSummaryRowDeleted_ExitsTwoNamingTheMissingReplication()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var lines = Lines(summary);
        WriteLines(summary, [lines[0], lines[2]]);

        AssertRefused(Compare(run), "summary.csv: 1 rows for the 2 replications in manifest.json (replication 0 has none)");
    }

    [Fact]
    public void Compare_RenamedHeader_ExitsTwoNamingTheColumn()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        File.WriteAllText(summary, File.ReadAllText(summary).Replace("final_reputation", "final_reputaton", StringComparison.Ordinal));

        AssertRefused(Compare(run), $"{summary}:1: the header lacks column 'final_reputation'");
    }

    [Fact]
    public void Compare_ReplicationMinusSeven_ExitsTwoNamingLineAndField()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var lines = Lines(summary);
        lines[2] = "-7" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..];
        WriteLines(summary, lines);

        AssertRefused(Compare(run), $"{summary}:3: field 1 (replication): -7 is out of range (expected 0 to 1)");
    }

    [Fact]
    public void Compare_SeedEdited_ExitsTwoSayingItDiffersFromTheManifest()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var lines = Lines(summary);
        var fields = lines[1].Split(',');
        fields[1] = "12345";
        lines[1] = string.Join(',', fields);
        WriteLines(summary, lines);

        AssertRefused(Compare(run), $"{summary}:2: field 2 (seed): replication 0's seed differs from manifest.json's");
    }

    [Fact]
    public void Compare_TimeseriesLosesItsLastSteps_ExitsTwo()
    {
        string run = OutputFolders.Copy(folders.Run);
        string timeseries = Path.Combine(run, "timeseries.csv");
        WriteLines(timeseries, Lines(timeseries)[..^3]);

        AssertRefused(Compare(run), $"{timeseries}: replication 1 has 28 rows where scenario.yaml's time.steps gives 31 (steps 0 to 30)");
    }

    [Fact]
    public void Compare_FolderWithoutManifest_ExitsTwoNamingIt()
    {
        string run = OutputFolders.Copy(folders.Run);
        File.Delete(Path.Combine(run, "manifest.json"));

        AssertRefused(Compare(run), $"{Path.Combine(run, "manifest.json")}: missing: the command that wrote {run} did not finish");
        AssertRefused(CliRunner.Run("plot", run), $"{Path.Combine(run, "manifest.json")}: missing");
    }

    [Fact]
    public void Plot_GarbageLineInEvents_ExitsTwoNamingTheLine()
    {
        string run = OutputFolders.Copy(folders.Run);
        string events = Path.Combine(run, "events.csv");
        var lines = Lines(events);
        lines[2] = "garbage";
        WriteLines(events, lines);

        AssertRefused(CliRunner.Run("plot", run), $"{events}:3: 1 field where the header has 7 (a truncated or edited line)");
        AssertRefused(Compare(run), $"{events}:3:");
    }

    [Fact]
    public void Plot_EventOfUnknownKind_ExitsTwoNamingTheField()
    {
        string run = OutputFolders.Copy(folders.Run);
        string events = Path.Combine(run, "events.csv");
        var lines = Lines(events);
        var fields = lines[1].Split(',');
        fields[3] = "earthquake";
        lines[1] = string.Join(',', fields);
        WriteLines(events, lines);

        AssertRefused(CliRunner.Run("plot", run), $"{events}:2: field 4 (kind): 'earthquake' is not one of 'shock'");
    }

    [Fact]
    public void PlotAndCompare_PointsCutAtARowBoundary_ExitTwoCountingThePoints()
    {
        string sweep = OutputFolders.Copy(folders.Sweep);
        string points = Path.Combine(sweep, "points.csv");
        WriteLines(points, Lines(points)[..^1]);
        string expected = $"{points}: 7 rows for the 8 design points in manifest.json (a truncated file?)";

        AssertRefused(CliRunner.Run("plot", sweep), expected);
        AssertRefused(CliRunner.Run("compare", sweep, folders.Sweep, "--out", Path.Combine(Path.GetDirectoryName(sweep)!, "compared")), expected);
    }

    [Fact]
    public void Plot_RunsCsvMissingARun_ExitsTwo()
    {
        string sweep = OutputFolders.Copy(folders.Sweep);
        string runs = Path.Combine(sweep, "runs.csv");
        WriteLines(runs, Lines(runs)[..^1]);

        AssertRefused(CliRunner.Run("plot", sweep), $"{runs}: 15 rows for the 16 runs in manifest.json");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    public void Plot_ParquetFooterBytesFlipped_ExitsTwoNamingTheFile(int fromEnd)
    {
        string sweep = OutputFolders.Copy(folders.Sweep);
        string parquet = Path.Combine(sweep, "timeseries.parquet");
        var bytes = File.ReadAllBytes(parquet);
        bytes[^fromEnd] ^= 0x5A;
        File.WriteAllBytes(parquet, bytes);

        AssertRefused(CliRunner.Run("plot", sweep), $"{parquet}: not a readable timeseries.parquet");
    }

    [Fact]
    public void Plot_ComparisonCsvSideNotInTheManifest_ExitsTwo()
    {
        string comparison = OutputFolders.Copy(folders.Comparison);
        string csv = Path.Combine(comparison, "comparison.csv");
        var lines = Lines(csv);
        var fields = lines[1].Split(',');
        fields[1] = "someone else";
        lines[1] = string.Join(',', fields);
        WriteLines(csv, lines);

        AssertRefused(CliRunner.Run("plot", comparison), $"{csv}:2: field 2 (side): 'someone else' is not one of those in manifest.json");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("comparison")]
    [InlineData("calibration")]
    [InlineData("posterior")]
    [InlineData("threshold")]
    [InlineData("discovery")]
    public void Plot_EveryKindOfFolderWithChartsDeleted_RedrawsTheSameCharts(string kind)
    {
        string original = kind switch
        {
            "run" => folders.Run,
            "sweep" => folders.Sweep,
            "comparison" => folders.Comparison,
            "calibration" => folders.Calibration,
            "discovery" => folders.Discovery,
            "posterior" => folders.Posterior,
            _ => folders.Threshold,
        };
        string folder = OutputFolders.Copy(original);
        var before = Directory.GetFiles(Path.Combine(original, "charts")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        var outcome = CliRunner.Run("plot", folder);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var after = Directory.GetFiles(Path.Combine(folder, "charts")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        // The data files hold every number shortest-round-trip, so the redrawn charts are the same bytes.
        foreach (var (name, bytes) in before) Assert.True(bytes.SequenceEqual(after[name]), $"{kind}: {name} differs");
        // Every chart is a PNG with its SVG twin; the count is of charts.
        Assert.Equal(before.Count, 2 * before.Keys.Count(k => k.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Contains($"{before.Count / 2} chart", outcome.Out);
    }

    [Fact]
    public void Plot_CalibrationFolderWithoutItsFitFiles_DrawsTheLossChartAndSaysWhy()
    {
        string calibration = OutputFolders.Copy(folders.Calibration);
        File.Delete(Path.Combine(calibration, "fit-timeseries.csv"));

        var outcome = CliRunner.Run("plot", calibration);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(["loss.png", "loss.svg"], Directory.GetFiles(Path.Combine(calibration, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("the fit charts are not redrawn: they need fitted.yaml and fit-timeseries.csv", outcome.Error);
    }

    [Fact]
    public void Plot_CalibrationTraceMissingAnEvaluation_ExitsTwo()
    {
        string calibration = OutputFolders.Copy(folders.Calibration);
        string trace = Path.Combine(calibration, "trace.csv");
        WriteLines(trace, Lines(trace)[..^1]);

        AssertRefused(CliRunner.Run("plot", calibration), $"{trace}: ");
        AssertRefused(CliRunner.Run("plot", calibration), "evaluations in manifest.json (a truncated file?)");
    }

    [Fact]
    public void Plot_ShardFolder_SaysToMergeFirst()
    {
        string shard = OutputFolders.Copy(folders.Sweep);
        File.WriteAllText(Path.Combine(shard, "shard.json"), "{}\n");

        AssertRefused(CliRunner.Run("plot", shard), "a shard of a sweep (shard.json), which has no charts of its own");
    }

    [Fact]
    public void Plot_AFile_SaysPlotTakesAFolder()
    {
        AssertRefused(CliRunner.Run("plot", Path.Combine(folders.Run, "summary.csv")), "is a file; plot takes an output folder");
    }

    [Fact]
    public void Plot_InvalidUtf8InSummary_ExitsTwo()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var bytes = File.ReadAllBytes(summary);
        var at = Encoding.ASCII.GetString(bytes).IndexOf("\n0,", StringComparison.Ordinal) + 1;
        bytes[at] = 0xFF;
        File.WriteAllBytes(summary, bytes);

        AssertRefused(CliRunner.Run("plot", run), $"{summary}:2: field 1 (replication):");
    }
}
