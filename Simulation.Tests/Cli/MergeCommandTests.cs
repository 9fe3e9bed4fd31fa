using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrustSim.Tests.Cli;

public sealed class MergeCommandTests
{
    [Fact]
    public void Execute_ThreeShards_DataFilesByteIdenticalToAPlainSweepAndChartsDrawn()
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string plain = Path.Combine(root, "plain");
        var sweep = CliRunner.Run("sweep", scenario, "--out", plain, "--workers", "2");
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        string[] shards = ShardedSweeps.RunShards(root, scenario, 3, 2, 0, 1);
        string merged = Path.Combine(root, "merged");

        var result = CliRunner.Run(["merge", .. shards, "--out", merged]);

        Assert.True(result.ExitCode == 0, result.Error);
        ShardedSweeps.AssertSameFiles(plain, merged, ShardedSweeps.DataFiles);
        if (File.Exists(Path.Combine(plain, "sensitivity.csv"))) ShardedSweeps.AssertSameFiles(plain, merged, ["sensitivity.csv"]);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(merged, "journal.jsonl")).Length);
        Assert.Equal(Directory.GetFiles(Path.Combine(plain, "charts")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(merged, "charts")).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(merged, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(merged, "report.html")), "the merged sweep has its page, like any sweep");
    }

    [Fact]
    public void Execute_FolderHoldingTheShards_MergesThemAll()
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string shardRoot = Path.Combine(root, "shards");
        ShardedSweeps.RunShards(shardRoot, scenario, 2, 0, 1);
        var result = CliRunner.Run("merge", shardRoot, "--out", Path.Combine(root, "m"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(9, File.ReadAllLines(Path.Combine(root, "m", "runs.csv")).Length);
    }

    [Fact]
    public void Execute_ForceOverAnEarlierMerge_ReplacesItButNotARunFolder()
    {
        string root = CliRunner.TempFolder();
        string[] shards = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 2, 0, 1);
        string merged = Path.Combine(root, "m");
        Assert.Equal(0, CliRunner.Run(["merge", .. shards, "--out", merged]).ExitCode);
        File.WriteAllText(Path.Combine(merged, "charts", "stale.png"), "old");
        string run = Path.Combine(root, "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml"), "--out", run,
            "--set", "users.count=200", "--set", "time.steps=5").ExitCode);

        var again = CliRunner.Run(["merge", .. shards, "--out", merged, "--force"]);
        var overRun = CliRunner.Run(["merge", .. shards, "--out", run, "--force"]);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(9, File.ReadAllLines(Path.Combine(merged, "runs.csv")).Length);
        Assert.False(File.Exists(Path.Combine(merged, "charts", "stale.png")));
        Assert.Equal(2, overRun.ExitCode);
        Assert.StartsWith($"trustsim: {run}: is a run folder (manifest.json), not a sweep folder", overRun.Error);
    }

    [Fact]
    public void Execute_ShardMissing_ExitsOneNamingItsRunsAndWritesNothing()
    {
        string root = CliRunner.TempFolder();
        string[] shards = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 3, 0, 2);
        string merged = Path.Combine(root, "merged");

        var result = CliRunner.Run(["merge", .. shards, "--out", merged]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 of 8 runs missing", result.Error);
        Assert.Contains("runs 1, 4, 7", result.Error);
        Assert.Contains("shard 1/3", result.Error);
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void Execute_SameShardTwice_ExitsOneNamingDuplicateRuns()
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string[] shards = ShardedSweeps.RunShards(root, scenario, 2, 0, 1);
        string again = Path.Combine(root, "shard-1-again");
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--shard", "1/2", "--out", again, "--workers", "1").ExitCode);

        var result = CliRunner.Run("merge", shards[0], shards[1], again, "--out", Path.Combine(root, "merged"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4 runs completed in more than one shard folder: runs 1, 3, 5, 7", result.Error);
    }

    [Fact]
    public void Execute_ShardWithFailedRuns_ExitsOneNamingThemAndHowToRetry()
    {
        string root = CliRunner.TempFolder();
        // platform.scar = 1.5 is out of range: the runs at those points fail (ids 2, 3, 6, 7).
        string scenario = ShardedSweeps.SmallSweep(root, scarValues: "[0.2, 1.5]");
        string[] shards = ShardedSweeps.RunShards(root, scenario, 2, 0, 1);

        var result = CliRunner.Run(["merge", .. shards, "--out", Path.Combine(root, "merged")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4 runs failed: runs 2, 3, 6, 7", result.Error);
        Assert.Contains("--retry-failed", result.Error);
    }

    [Fact]
    public void Execute_ShardsOfDifferentScenariosOrSplits_ExitsOneNamingTheMismatch()
    {
        string root = CliRunner.TempFolder();
        string a = ShardedSweeps.RunShards(Path.Combine(root, "a"), ShardedSweeps.SmallSweep(root), 2, 0)[0];
        string b = ShardedSweeps.RunShards(Path.Combine(root, "b"), ShardedSweeps.SmallSweep(root, scarValues: "[0, 0.5]", name: "other"), 2, 1)[0];
        string c = ShardedSweeps.RunShards(Path.Combine(root, "c"), ShardedSweeps.SmallSweep(root), 3, 1)[0];

        var scenarios = CliRunner.Run("merge", a, b, "--out", Path.Combine(root, "m1"));
        var splits = CliRunner.Run("merge", a, c, "--out", Path.Combine(root, "m2"));

        Assert.Equal(1, scenarios.ExitCode);
        Assert.Contains("a different resolved scenario", scenarios.Error);
        Assert.Equal(1, splits.ExitCode);
        Assert.Contains("a split into 3", splits.Error);
    }

    [Fact]
    public void Execute_NotAShardFolder_ExitsTwo()
    {
        string root = CliRunner.TempFolder();
        var result = CliRunner.Run("merge", root, "--out", Path.Combine(root, "m"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a shard folder", result.Error);
    }

    [Fact]
    public void Sweep_Shard_WritesManifestWithOwnedRunIdsAndOnlyThoseRuns()
    {
        string root = CliRunner.TempFolder();
        string dir = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 3, 1)[0];

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "shard.json")));
        Assert.Equal([1L, 4L, 7L], manifest.RootElement.GetProperty("run_ids").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(3, manifest.RootElement.GetProperty("shards").GetInt32());
        Assert.Equal(8, manifest.RootElement.GetProperty("run_count").GetInt64());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "journal.jsonl")).Length);
        Assert.False(File.Exists(Path.Combine(dir, "runs.csv")));
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/0")]
    [InlineData("x/y")]
    public void Sweep_BadShard_ExitsTwoWithOneLine(string shard)
    {
        string root = CliRunner.TempFolder();
        var result = CliRunner.Run("sweep", ShardedSweeps.SmallSweep(root), "--shard", shard, "--out", Path.Combine(root, "s"));
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains($"--shard", result.Error);
    }

    [Fact]
    public void Sweep_ResumeShardAfterPartialJournal_FinishesOnlyItsOwnRuns()
    {
        string root = CliRunner.TempFolder();
        string dir = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 2, 1)[0];
        var lines = File.ReadAllLines(Path.Combine(dir, "journal.jsonl"));
        File.WriteAllLines(Path.Combine(dir, "journal.jsonl"), lines.Take(2));

        var resumed = CliRunner.Run("sweep", "--resume", dir, "--workers", "1");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("shard 1/2 done: 4 of 8 runs", resumed.Out);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir, "journal.jsonl")).Length);
        var wrongShard = CliRunner.Run("sweep", "--resume", dir, "--shard", "0/2");
        Assert.Equal(2, wrongShard.ExitCode);
        Assert.Contains("holds shard 1/2", wrongShard.Error);
    }

    [Theory]
    [InlineData("symlink to a shard")]
    [InlineData("the shards' parent")]
    [InlineData("inside a shard")]
    public void Execute_OutOverlapsAShardHoweverSpelt_RefusesAndLeavesTheShardWhole(string how)
    {
        string root = CliRunner.TempFolder();
        string[] shards = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 2, 0, 1);
        var journal = Path.Combine(shards[0], "journal.jsonl");
        var before = File.ReadAllBytes(journal);
        string output = how switch
        {
            "symlink to a shard" => Path.Combine(root, "link"),
            "the shards' parent" => Path.GetDirectoryName(shards[0])!,
            _ => Path.Combine(shards[0], "merged"),
        };
        if (how == "symlink to a shard") Directory.CreateSymbolicLink(output, shards[0]);

        var outcome = CliRunner.Run(["merge", .. shards, "--out", output, "--force"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--out is, holds or lies inside the shard folder", outcome.Error);
        Assert.Equal(before, File.ReadAllBytes(journal));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("seed edited")]
    [InlineData("metrics null")]
    [InlineData("run of the other shard")]
    public void Execute_ShardJournalWithABadLineMidFile_ExitsTwoNamingFileAndLineAndWritesNothing(string tampering)
    {
        string root = CliRunner.TempFolder();
        string[] shards = ShardedSweeps.RunShards(root, ShardedSweeps.SmallSweep(root), 2, 0, 1);
        string journal = Path.Combine(shards[0], "journal.jsonl");
        var lines = File.ReadAllLines(journal);
        lines[1] = tampering switch
        {
            "garbage" => "garbage \u0000 line",
            "seed edited" => Regex.Replace(lines[1], "\"seed\":\\d+", "\"seed\":7"),
            "metrics null" => Regex.Replace(lines[1], "\"metrics\":\\{.*\\}\\}$", "\"metrics\":null}"),
            _ => File.ReadAllLines(Path.Combine(shards[1], "journal.jsonl"))[0],
        };
        File.WriteAllLines(journal, lines);
        string merged = Path.Combine(root, "merged");

        var result = CliRunner.Run(["merge", .. shards, "--out", merged]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"trustsim: {journal}:2: ", result.Error);
        Assert.DoesNotContain("unexpected error", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void Execute_ShardWithADamagedPartFile_ExitsTwoNamingItThenMergesOnceTheShardIsResumed()
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string plain = Path.Combine(root, "plain");
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", plain, "--workers", "1").ExitCode);
        string[] shards = ShardedSweeps.RunShards(root, scenario, 2, 0, 1);
        var part = SpoolRecords.Of(shards[1], 3);
        SpoolRecords.CutInside(part, 64);
        string merged = Path.Combine(root, "merged");

        var refused = CliRunner.Run(["merge", .. shards, "--out", merged]);
        bool mergedAfterRefusal = Directory.Exists(merged);
        var resumed = CliRunner.Run("sweep", "--resume", shards[1], "--workers", "1");
        var result = CliRunner.Run(["merge", .. shards, "--out", merged]);

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith($"trustsim: {shards[1]}: run 3 is journaled as completed, but its time series is missing " +
                          $"({part.File}: run 3's record cut short at byte {part.Offset})", refused.Error);
        Assert.Contains($"resume that shard, which does: trustsim sweep --resume {shards[1]}", refused.Error);
        Assert.DoesNotContain("Unable to read beyond the end of the stream", refused.Error);
        Assert.False(mergedAfterRefusal);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.True(result.ExitCode == 0, result.Error);
        ShardedSweeps.AssertSameFiles(plain, merged, ShardedSweeps.DataFiles);
        Assert.True(File.Exists(Path.Combine(merged, "sweep.json")));
    }
}
