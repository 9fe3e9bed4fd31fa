namespace TrustSim.Tests.Cli;

public sealed class SweepCommandTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
    private static readonly string[] DataFiles = ["scenario.yaml", "journal.jsonl", "runs.csv", "points.csv", "timeseries.parquet"];
    private static readonly string[] FinalFiles = ["runs.csv", "points.csv", "timeseries.parquet"];

    /// <summary>A 2 x 2 grid with 2 replications of a tiny world: 8 runs of about 10 ms.</summary>
    private static string SmallSweep(string folder, string scarValues = "[0, 0.6]", string metrics = "")
    {
        string path = Path.Combine(folder, "small.yaml");
        File.WriteAllText(path, $"""
            extends: {Path.Combine(Scenarios, "repeated-scandals.yaml")}
            name: small-sweep
            users: {"{"} count: 300 {"}"}
            time: {"{"} steps: 30 {"}"}
            sweep:
              design: grid
              replications: 2
              {metrics}
              parameters:
                - path: scandals.rate
                  values: [0, 3]
                - path: platform.scar
                  values: {scarValues}
            """);
        return path;
    }

    private static void AssertSameData(string a, string b, IEnumerable<string> files)
    {
        foreach (string f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs");
    }

    [Fact]
    public void Execute_OneAndTwoWorkers_DataFilesAreByteIdentical()
    {
        string root = CliRunner.TempFolder();
        string scenario = SmallSweep(root);
        var one = CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "w1"), "--workers", "1");
        var two = CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "w2"), "--workers", "2");
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        AssertSameData(Path.Combine(root, "w1"), Path.Combine(root, "w2"), FinalFiles.Append("scenario.yaml"));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(root, "w1", "runs.csv")).Length);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(root, "w1", "points.csv")).Length);
        Assert.True(File.Exists(Path.Combine(root, "w1", "manifest.json")));
        // 2 x 2 grid: 6 key metrics x 2 parameters response charts, 6 heatmaps, 2 fans (4 points).
        Assert.Equal(20, Directory.GetFiles(Path.Combine(root, "w1", "charts"), "*.png").Length);
    }

    [Fact]
    public void Execute_ResumeAfterPartialJournal_GivesTheSameFilesAsAnUninterruptedSweep()
    {
        string root = CliRunner.TempFolder();
        string scenario = SmallSweep(root);
        string full = Path.Combine(root, "full");
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", full, "--workers", "2").ExitCode);

        // The state a kill leaves: three journaled runs, a torn fourth line, spool files of later runs, no final files.
        string partial = Path.Combine(root, "partial");
        Directory.CreateDirectory(Path.Combine(partial, "parts"));
        File.Copy(Path.Combine(full, "scenario.yaml"), Path.Combine(partial, "scenario.yaml"));
        var lines = File.ReadAllLines(Path.Combine(full, "journal.jsonl"));
        File.WriteAllText(Path.Combine(partial, "journal.jsonl"), string.Join("\n", lines.Take(3)) + "\n" + lines[3][..25]);
        foreach (string part in Directory.GetFiles(Path.Combine(full, "parts")))
            File.Copy(part, Path.Combine(partial, "parts", Path.GetFileName(part)));

        var resumed = CliRunner.Run("sweep", "--resume", partial, "--workers", "1");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        AssertSameData(full, partial, FinalFiles);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(partial, "journal.jsonl")).Length);
    }

    [Fact]
    public void Execute_PartsDeletedOnceFinished_ResumeRetryingTheFailedRunsReadsTheRestFromTimeseriesParquet()
    {
        // A finished sweep's parts/ may be deleted: timeseries.parquet then holds the completed runs' series.
        string root = CliRunner.TempFolder();
        string dir = Path.Combine(root, "out");
        var first = CliRunner.Run("sweep", SmallSweep(root, scarValues: "[0.2, 1.5]"), "--out", dir, "--workers", "2");
        Assert.Equal(1, first.ExitCode);
        string reference = Path.Combine(root, "reference");
        Directory.CreateDirectory(reference);
        foreach (string f in FinalFiles) File.Copy(Path.Combine(dir, f), Path.Combine(reference, f));
        Directory.Delete(Path.Combine(dir, "parts"), recursive: true);

        var retried = CliRunner.Run("sweep", "--resume", dir, "--retry-failed", "--workers", "2");

        // The 4 failed runs ran again (and failed again, as they must); the 4 completed ones did not.
        Assert.Equal(1, retried.ExitCode);
        Assert.DoesNotContain("missing or damaged", retried.Error);
        Assert.Equal(8 + 4, File.ReadAllLines(Path.Combine(dir, "journal.jsonl")).Length);
        AssertSameData(reference, dir, FinalFiles);

        // And again with the data files gone too but for timeseries.parquet, as a kill in the assembly could leave them
        // (a failed run spools nothing, so the retry made no parts/).
        Assert.False(Directory.Exists(Path.Combine(dir, "parts")));
        foreach (string f in new[] { "runs.csv", "points.csv", "manifest.json" }) File.Delete(Path.Combine(dir, f));
        var resumed = CliRunner.Run("sweep", "--resume", dir, "--workers", "1");
        Assert.Equal(1, resumed.ExitCode);
        Assert.Equal(8 + 4, File.ReadAllLines(Path.Combine(dir, "journal.jsonl")).Length);
        AssertSameData(reference, dir, FinalFiles);
    }

    [Fact]
    public void Execute_InvalidDesignPoint_RecordsFailedRunsAndExitsOne()
    {
        string root = CliRunner.TempFolder();
        string dir = Path.Combine(root, "out");
        var result = CliRunner.Run("sweep", SmallSweep(root, scarValues: "[0.2, 1.5]"), "--out", dir, "--workers", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4 runs failed", result.Error);
        Assert.Contains("--retry-failed", result.Error);
        var rows = File.ReadAllLines(Path.Combine(dir, "runs.csv")).Skip(1).ToList();
        Assert.Equal(4, rows.Count(r => r.Contains(",failed,", StringComparison.Ordinal) && r.Contains("platform.scar", StringComparison.Ordinal)));
        Assert.Equal(4, rows.Count(r => r.Contains(",completed,", StringComparison.Ordinal)));
        // The failed point has no statistics; the good one has n = 2.
        var points = File.ReadAllLines(Path.Combine(dir, "points.csv"));
        Assert.EndsWith(",0", points[2]);
        Assert.EndsWith(",2", points[1]);
    }

    [Fact]
    public void Execute_ShippedRepeatedScandalsAtTinySize_WritesEveryContractFileAndChart()
    {
        string dir = Path.Combine(CliRunner.TempFolder(), "rs");
        var result = CliRunner.Run("sweep", Path.Combine(Scenarios, "repeated-scandals.yaml"), "--out", dir,
            "--set", "users.count=500", "--set", "time.steps=60", "--set", "sweep.replications=2");
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (string f in DataFiles.Append("manifest.json"))
            Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f);
        Assert.Equal(12 * 2 + 1, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length);
        string[] charts = Directory.GetFiles(Path.Combine(dir, "charts"), "*.png").Select(Path.GetFileName).ToArray()!;
        Assert.Contains("heatmap-final_reputation.png", charts);
        Assert.Contains("response-final_partners_full-vs-platform_scar.png", charts);
        Assert.Contains("\"design\": \"grid\"", File.ReadAllText(Path.Combine(dir, "manifest.json")));
    }

    [Fact]
    public void Execute_SweepMetricsList_RestrictsPointsCsvAndUnknownNameIsExitTwo()
    {
        string root = CliRunner.TempFolder();
        string dir = Path.Combine(root, "m");
        var ok = CliRunner.Run("sweep", SmallSweep(root, metrics: "metrics: [final_reputation]"), "--out", dir);
        Assert.True(ok.ExitCode == 0, ok.Error);
        Assert.Equal("point,scandals.rate,platform.scar,final_reputation_mean,final_reputation_sd,final_reputation_ci_low,final_reputation_ci_high,final_reputation_n",
            File.ReadLines(Path.Combine(dir, "points.csv")).First());

        var bad = CliRunner.Run("sweep", SmallSweep(root, metrics: "metrics: [final_reputaton]"), "--out", Path.Combine(root, "b"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Matches(@"small\.yaml:\d+:\d+: sweep\.metrics: unknown summary metric 'final_reputaton'", bad.Error);
        Assert.Contains("final_reputation", bad.Error);
    }

    [Fact]
    public void Execute_BadFlagsAndInputs_ExitTwoWithOneClearLine()
    {
        string root = CliRunner.TempFolder();
        string scenario = SmallSweep(root);
        var zero = CliRunner.Run("sweep", scenario, "--workers", "0");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--workers must be at least 1", zero.Error);

        var missing = CliRunner.Run("sweep", Path.Combine(root, "nope.yaml"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml", missing.Error);

        var plain = CliRunner.Run("sweep", Path.Combine(Scenarios, "baseline.yaml"), "--out", Path.Combine(root, "p"));
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("has no sweep: section", plain.Error);

        var notSweep = CliRunner.Run("sweep", "--resume", Path.Combine(root, "empty"));
        Assert.Equal(2, notSweep.ExitCode);
        Assert.Contains("not a sweep folder", notSweep.Error);
        Assert.DoesNotContain("   at ", zero.Error + missing.Error + plain.Error + notSweep.Error);
    }

    [Fact]
    public void Execute_ResumeWithADifferentScenario_IsRefused()
    {
        string root = CliRunner.TempFolder();
        string scenario = SmallSweep(root);
        string dir = Path.Combine(root, "s");
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", dir).ExitCode);
        var other = CliRunner.Run("sweep", scenario, "--resume", dir, "--set", "users.count=400");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("different scenario", other.Error);
    }
}
