using System.Diagnostics;
using System.Security.Cryptography;

namespace TrustSim.Tests.Cli;

/// <summary>
/// `trustsim merge` stopped by Ctrl-C or SIGTERM (a real child process): exit 130 with a message (not the
/// runtime's silent 143), the shards untouched, and no half-written file under a final name.
/// </summary>
[Collection("ChildProcess")]
public sealed class MergeInterruptTests(MergeInterruptTests.Shards shards) : IClassFixture<MergeInterruptTests.Shards>
{
    /// <summary>Two shards of a 200-run sweep, and the folder a merge of them writes when left alone.</summary>
    public sealed class Shards
    {
        public Shards()
        {
            Root = CliRunner.TempFolder();
            string scenario = Path.Combine(Root, "merge-interrupt.yaml");
            File.WriteAllText(scenario, $$"""
                extends: {{Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml")}}
                name: merge-interrupt
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
            Folders = ShardedSweeps.RunShards(Path.Combine(Root, "shards"), scenario, 2, 0, 1);
            Whole = Path.Combine(Root, "whole");
            var merged = CliRunner.Run(["merge", .. Folders, "--out", Whole]);
            Assert.True(merged.ExitCode == 0, merged.Error);
        }

        public string Root { get; }
        public string[] Folders { get; }
        public string Whole { get; }
    }

    /// <summary>Every file under the shard folders with a hash of its bytes.</summary>
    private Dictionary<string, string> ShardFiles() =>
        shards.Folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Theory]
    [InlineData(TrustsimProcess.SigInt, "parts")]
    [InlineData(TrustsimProcess.SigTerm, "parts")]
    [InlineData(TrustsimProcess.SigTerm, "charts")]
    public void Merge_Signalled_ExitsInterruptedLeavingTheShardsAndNoPartialFile(int signal, string stage)
    {
        var before = ShardFiles();
        string folder = Path.Combine(CliRunner.TempFolder(), "merged");
        using var child = TrustsimProcess.Start(["merge", .. shards.Folders, "--out", folder]);
        var clock = Stopwatch.StartNew();
        // parts/ is made when the copying starts, charts/ once the data files are written and the charts
        // begin: signal at either, found by the folder's progress rather than a delay, which on an idle
        // machine let the merge finish first.
        while (!child.HasExited && !Directory.Exists(Path.Combine(folder, stage)) && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(2);
        Assert.True(child.Signal(signal), $"the merge ended before the signal: {child.Error}");
        int code = child.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(code == 130, $"exit {code}: {child.Error}");
        Assert.Contains("interrupted", child.Error);
        Assert.Contains("the shards are untouched", child.Error);
        Assert.DoesNotContain("   at ", child.Error);
        Assert.Equal(before, ShardFiles());
        Assert.False(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Empty(Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories));
        // Whatever is there under a final name is whole: the same bytes as the uninterrupted merge's file.
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(folder, file);
            if (name.StartsWith("charts", StringComparison.Ordinal)) continue; // drawn whole through AtomicFile; PNG bytes are checked elsewhere
            Assert.True(File.ReadAllBytes(Path.Combine(shards.Whole, name)).SequenceEqual(File.ReadAllBytes(file)), $"{name} differs from the uninterrupted merge's");
        }
        var again = CliRunner.Run(["merge", .. shards.Folders, "--out", folder, "--force"]);
        Assert.True(again.ExitCode == 0, again.Error);
        ShardedSweeps.AssertSameFiles(shards.Whole, folder, ShardedSweeps.DataFiles);
    }
}
