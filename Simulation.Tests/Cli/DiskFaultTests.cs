using Xunit.Abstractions;

namespace TrustSim.Tests.Cli;

/// <summary>
/// Disk full and a vanished folder while writing: a clear message, exit 1, and what was finished
/// before stays whole. The disk is really filled (a small tmpfs); where a tmpfs cannot be mounted
/// (not root) the disk-full tests say so in their output and check nothing.
/// </summary>
public sealed class DiskFaultTests(ITestOutputHelper output)
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
    private static readonly string[] SweepData = ["runs.csv", "points.csv", "timeseries.parquet", "scenario.yaml"];

    /// <summary>A 10 x 10 grid with 2 replications of 300 users over 60 steps: 200 runs, about 14 KB of spool each.</summary>
    private static string SmallSweep(string folder)
    {
        string path = Path.Combine(folder, "disk.yaml");
        File.WriteAllText(path, $$"""
            extends: {{Path.Combine(Scenarios, "repeated-scandals.yaml")}}
            name: disk-full
            users: { count: 300 }
            time: { steps: 60 }
            sweep:
              design: grid
              replications: 2
              metrics: [final_reputation]
              parameters:
                - path: scandals.rate
                  values: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]
                - path: platform.scar
                  min: 0
                  max: 0.6
                  count: 10
            """);
        return path;
    }

    private static void AssertNoTemporaryFiles(string folder) =>
        Assert.Empty(Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories));

    [Fact]
    public void Run_DiskFullWhileReplacingARun_ExitsOneAndKeepsTheOldRunWhole()
    {
        var (disk, reason) = SmallDisk.Mount(kilobytes: 512);
        if (disk is null)
        {
            output.WriteLine($"not checked: {reason}");
            return;
        }
        using (disk)
        {
            string folder = Path.Combine(disk.Path, "run");
            string[] args = ["run", Path.Combine(Scenarios, "baseline.yaml"), "--workers", "2", "--set", "users.count=300", "--out", folder];
            var small = CliRunner.Run([.. args, "--replications", "1", "--set", "time.steps=10"]);
            Assert.True(small.ExitCode == 0, small.Error);
            var before = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

            var full = CliRunner.Run([.. args, "--replications", "12", "--set", "time.steps=520", "--force"]);

            Assert.True(full.ExitCode == 1, $"exit {full.ExitCode}: {full.Error}");
            Assert.Contains("writing the run folder failed", full.Error);
            Assert.Contains("No space left on device", full.Error);
            Assert.Contains($"{folder} is as it was before the run", full.Error);
            Assert.DoesNotContain("   at ", full.Error);
            Assert.DoesNotContain(".run.new-", full.Error);
            // The new run was built beside the folder and dropped; the old one is there, byte for byte, and nothing else is.
            var after = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var (file, bytes) in before) Assert.True(bytes.SequenceEqual(after[file]), file);
            Assert.Equal(["run"], Directory.EnumerateDirectories(disk.Path).Select(Path.GetFileName));
            AssertNoTemporaryFiles(disk.Path);
        }
    }

    [Fact]
    public void Sweep_DiskFullMidSweep_ExitsOneThenResumesIdenticallyOnceThereIsRoom()
    {
        // Small enough to fill while the runs are spooled (the spool takes about 4 KB a run here; before issue 18, 35 KB).
        var (disk, reason) = SmallDisk.Mount(kilobytes: 512);
        if (disk is null)
        {
            output.WriteLine($"not checked: {reason}");
            return;
        }
        using (disk)
        {
            string root = CliRunner.TempFolder();
            string scenario = SmallSweep(root);
            string folder = Path.Combine(disk.Path, "sweep");
            var full = CliRunner.Run("sweep", scenario, "--out", folder, "--workers", "2");
            Assert.True(full.ExitCode == 1, $"exit {full.ExitCode}: {full.Error}");
            Assert.Contains("No space left on device", full.Error);
            Assert.Contains($"trustsim sweep --resume {folder}", full.Error);
            Assert.DoesNotContain("   at ", full.Error);
            int journaled = File.ReadAllLines(Path.Combine(folder, "journal.jsonl")).Length;
            Assert.InRange(journaled, 1, 199);
            Assert.False(File.Exists(Path.Combine(folder, "runs.csv")));

            disk.Resize(64 * 1024);
            var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "2");
            var reference = CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "reference"), "--workers", "1");
            Assert.True(resumed.ExitCode == 0, resumed.Error);
            Assert.True(reference.ExitCode == 0, reference.Error);
            foreach (string f in SweepData)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(root, "reference", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, f))),
                    $"{f} differs after resuming a sweep that filled the disk ({journaled} runs journaled before)");
            }
            AssertNoTemporaryFiles(folder);
        }
    }

    /// <summary>Every file under <paramref name="folders"/> with a hash of its bytes.</summary>
    private static Dictionary<string, string> Hashes(IEnumerable<string> folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Merge_DiskFullWhileCopyingOrWritingTheManifest_ExitsOneSayingSoAndLeavesTheShardsWhole()
    {
        string root = CliRunner.TempFolder();
        string[] shards = ShardedSweeps.RunShards(Path.Combine(root, "shards"), SmallSweep(root), 2, 0, 1);
        string whole = Path.Combine(root, "whole");
        var roomy = CliRunner.Run(["merge", .. shards, "--out", whole]);
        Assert.True(roomy.ExitCode == 0, roomy.Error);
        // A tmpfs counts whole pages: this size holds every file of the merged folder but manifest.json and report.html,
        // written last (and the folder's lock file beside it, which stays).
        long page = Environment.SystemPageSize;
        long allButManifest = Directory.EnumerateFiles(whole, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("manifest.json" or "report.html"))
            .Concat(Directory.EnumerateFiles(root, ".whole.*"))
            .Sum(f => (new FileInfo(f).Length + page - 1) / page) * page / 1024;
        var before = Hashes(shards);

        foreach (long kilobytes in new[] { 64, allButManifest / 2, allButManifest })
        {
            var (disk, reason) = SmallDisk.Mount((int)kilobytes);
            if (disk is null)
            {
                output.WriteLine($"not checked: {reason}");
                return;
            }
            using (disk)
            {
                string folder = Path.Combine(disk.Path, "merged");
                var full = CliRunner.Run(["merge", .. shards, "--out", folder]);

                Assert.True(full.ExitCode == 1, $"{kilobytes} KB: exit {full.ExitCode}: {full.Error}");
                Assert.Contains("disk full while writing", full.Error);
                Assert.DoesNotContain("unexpected error", full.Error);
                Assert.DoesNotContain("   at ", full.Error);
                Assert.False(File.Exists(Path.Combine(folder, "manifest.json")), $"{kilobytes} KB: {full.Error}");
                AssertNoTemporaryFiles(folder);
                Assert.Equal(before, Hashes(shards));
                disk.Resize(64 * 1024);
                if (kilobytes == allButManifest)
                {
                    // Everything but the manifest is whole, and the message's own advice finishes the folder.
                    Assert.Contains($"disk full while writing {Path.Combine(folder, "manifest.json")}", full.Error);
                    Assert.Contains($"trustsim sweep --resume {folder}", full.Error);
                    var finished = CliRunner.Run("sweep", "--resume", folder, "--workers", "1");
                    Assert.True(finished.ExitCode == 0, finished.Error);
                }
                else
                {
                    Assert.Contains("The shards are untouched", full.Error);
                    var again = CliRunner.Run(["merge", .. shards, "--out", folder, "--force"]);
                    Assert.True(again.ExitCode == 0, again.Error);
                }
                foreach (string f in SweepData)
                    Assert.True(File.ReadAllBytes(Path.Combine(whole, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, f))), $"{f} differs ({kilobytes} KB)");
            }
        }
    }

    [Fact]
    public void Sweep_FolderDeletedMidSweep_ExitsOneWithAMessage()
    {
        string root = CliRunner.TempFolder();
        string scenario = SmallSweep(root);
        string folder = Path.Combine(root, "vanishing");
        string journal = Path.Combine(folder, "journal.jsonl");
        var deleter = new Thread(() =>
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!(File.Exists(journal) && new FileInfo(journal).Length > 2_000) && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
            // In-flight runs may recreate parts/ as they finish; retry until the journal is gone.
            for (int attempt = 0; attempt < 50 && File.Exists(journal); attempt++)
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { Thread.Sleep(5); }
            }
        });
        deleter.Start();
        var outcome = CliRunner.Run("sweep", scenario, "--out", folder, "--workers", "2");
        deleter.Join();

        Assert.True(outcome.ExitCode == 1, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.True(outcome.Error.Contains("vanished while the sweep ran"), outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.False(File.Exists(journal));
    }
}
