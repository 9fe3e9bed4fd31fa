namespace TrustSim.Tests.Cli;

/// <summary>trustsim export: where the copies go, and every input it refuses (exit 2, one located line, nothing written).</summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class ExportCommandTests(OutputFolders folders)
{
    private static void AssertRefused(CliRunner.Outcome outcome, string expected)
    {
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.Contains(expected, outcome.Error);
        Assert.DoesNotContain("unexpected error", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void Execute_SweepCsvThenParquet_BothSetsInDirExportWithOnePackage()
    {
        string sweep = OutputFolders.Copy(folders.Sweep);

        var csv = CliRunner.Run("export", sweep, "--format", "csv");
        var parquet = CliRunner.Run("export", sweep, "--format", "parquet");

        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.True(parquet.ExitCode == 0, parquet.Error);
        Assert.Contains("2 tables of", csv.Out);
        string export = Path.Combine(sweep, "export");
        Assert.Equal(["datapackage.json", "points-long.csv.gz", "points.parquet", "runs.parquet", "timeseries.csv.gz"],
            Directory.GetFiles(export).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(4, TrustSim.Tests.Reports.PackageChecks.Check(export));
        // The folder's own files are untouched and it still reads as a sweep.
        Assert.Equal(0, CliRunner.Run("plot", sweep).ExitCode);
    }

    [Fact]
    public void Execute_RunFolderToCsv_NothingToConvertAndNothingWritten()
    {
        string run = OutputFolders.Copy(folders.Run);

        var outcome = CliRunner.Run("export", run, "--format", "csv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("nothing to convert to csv", outcome.Out);
        Assert.False(Directory.Exists(Path.Combine(run, "export")));
    }

    [Fact]
    public void Execute_RunFolderWithAnExport_RunForceStillReplacesIt()
    {
        string root = CliRunner.TempFolder();
        string run = Path.Combine(root, "run");
        string[] small = ["--replications", "1", "--set", "users.count=200", "--set", "time.steps=20"];
        string scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml");
        Assert.Equal(0, CliRunner.Run(["run", scenario, "--out", run, .. small]).ExitCode);
        Assert.Equal(0, CliRunner.Run("export", run, "--format", "parquet").ExitCode);

        var again = CliRunner.Run(["run", scenario, "--out", run, "--force", .. small]);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(Directory.Exists(Path.Combine(run, "export")));
    }

    [Theory]
    [InlineData("xml", "--format: 'xml' is not csv or parquet")]
    [InlineData(null, "give the format with --format csv or --format parquet")]
    public void Execute_NoOrUnknownFormat_ExitsTwo(string? format, string expected)
    {
        string[] args = format is null ? ["export", folders.Run] : ["export", folders.Run, "--format", format];
        AssertRefused(CliRunner.Run(args), expected);
    }

    [Fact]
    public void Execute_NotAFinishedTrustsimFolder_ExitsTwoNamingWhy()
    {
        string empty = CliRunner.TempFolder();
        AssertRefused(CliRunner.Run("export", empty, "--format", "csv"), "manifest.json: missing");
        AssertRefused(CliRunner.Run("export", Path.Combine(empty, "nope"), "--format", "csv"), "no such folder");

        string running = OutputFolders.Copy(folders.Run);
        string manifest = Path.Combine(running, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"status\": \"completed\"", "\"status\": \"running\"", StringComparison.Ordinal));
        AssertRefused(CliRunner.Run("export", running, "--format", "parquet"), "ended 'running', so its data files are not whole");
        Assert.False(Directory.Exists(Path.Combine(running, "export")));

        string shard = CliRunner.TempFolder();
        File.WriteAllText(Path.Combine(shard, "shard.json"), "{}");
        AssertRefused(CliRunner.Run("export", shard, "--format", "csv"), "a shard of a sweep");
    }

    [Fact]
    public void Execute_OutInsideTheFolderOrHoldingOtherFiles_ExitsTwoAndTouchesNothing()
    {
        string run = OutputFolders.Copy(folders.Run);
        AssertRefused(CliRunner.Run("export", run, "--format", "parquet", "--out", Path.Combine(run, "copies")), "which export only reads");
        Assert.False(Directory.Exists(Path.Combine(run, "copies")));

        string mine = CliRunner.TempFolder();
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "precious");
        AssertRefused(CliRunner.Run("export", run, "--format", "parquet", "--out", mine), "holds notes.txt, which export does not write");
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(mine).Select(Path.GetFileName));
    }

    [Fact]
    public void Execute_DamagedTable_ExitsTwoNamingTheLine()
    {
        string run = OutputFolders.Copy(folders.Run);
        string events = Path.Combine(run, "events.csv");
        var lines = File.ReadAllLines(events);
        lines[1] = "garbage";
        File.WriteAllText(events, string.Join('\n', lines) + "\n");

        AssertRefused(CliRunner.Run("export", run, "--format", "parquet"), $"{events}:2: 1 field where the header has 19");
        // The tables before events.csv were copied, but none of them is left: bad input writes nothing.
        Assert.False(Directory.Exists(Path.Combine(run, "export")));
    }
}
