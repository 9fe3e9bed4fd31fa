namespace TrustSim.Tests.Cli;

public sealed class SlurmCommandTests
{
    [Fact]
    public void Execute_FourShards_WritesArrayMergeAndSubmitScriptsCallingThisTool()
    {
        string root = CliRunner.TempFolder();
        string dir = Path.Combine(root, "cluster");
        var result = CliRunner.Run("slurm", ShardedSweeps.SmallSweep(root), "--shards", "4", "--out", dir,
            "--partition", "short", "--account", "lab", "--time", "00:30:00", "--cpus-per-task", "2", "--mem", "2G", "--sbatch=--qos=low");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"bash '{Path.Combine(dir, "submit.sh")}'", result.Out);
        string shard = File.ReadAllText(Path.Combine(dir, "shard.sbatch"));
        string merge = File.ReadAllText(Path.Combine(dir, "merge.sbatch"));
        string submit = File.ReadAllText(Path.Combine(dir, "submit.sh"));
        Assert.Contains("#SBATCH --array=0-3\n", shard);
        Assert.Contains($"#SBATCH --output={dir}/logs/%A_%a.out\n", shard);
        foreach (string line in new[] { "--partition=short", "--account=lab", "--time=00:30:00", "--cpus-per-task=2", "--mem=2G", "--qos=low" })
        {
            Assert.Contains($"#SBATCH {line}\n", shard);
            Assert.Contains($"#SBATCH {line}\n", merge);
        }
        Assert.Contains("sweep \"$DIR/scenario.yaml\" --shard \"$K/$N\" --out \"$SHARD\"", shard);
        Assert.Contains("--resume \"$SHARD\"", shard);
        Assert.Contains("#SBATCH --kill-on-invalid-dep=yes\n", merge);
        Assert.Contains("merge \"${SHARDS[@]}\" --out \"$DIR/merged\"", merge);
        Assert.Contains("sbatch --parsable --array=\"$ARRAY\"", submit);
        Assert.Contains("--dependency=\"afterok:$shards\" --kill-on-invalid-dep=yes", submit);
        Assert.Contains("squeue -j", submit);
        // The tool as this process runs it: the test host runs dotnet with the built trustsim.dll.
        string dll = typeof(TrustSim.Cli.SlurmCommand).Assembly.Location;
        Assert.Contains($"'{dll}')", shard);
        Assert.Contains("is not on node", shard);
        Assert.True(File.Exists(Path.Combine(dir, "scenario.yaml")));
        Assert.True(Directory.Exists(Path.Combine(dir, "logs")));
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(Path.Combine(dir, "submit.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void ToolCommand_UnderTheTestHost_IsDotnetAndTheAssemblyAsAbsolutePaths()
    {
        var tool = TrustSim.Cli.SlurmCommand.ToolCommand();
        Assert.Equal(2, tool.Count);
        Assert.Equal("trustsim.dll", Path.GetFileName(tool[1]));
        Assert.True(Path.IsPathRooted(tool[1]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    public void Execute_BadShardCount_ExitsTwo(string shards)
    {
        string root = CliRunner.TempFolder();
        var result = CliRunner.Run("slurm", ShardedSweeps.SmallSweep(root), "--shards", shards, "--out", Path.Combine(root, "c"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shards", result.Error);
    }

    [Fact]
    public void Execute_ForceOverItsOwnFolderWithShardsAndAMergedSweep_EmptiesItFirst()
    {
        string root = CliRunner.TempFolder();
        string dir = Path.Combine(root, "cluster");
        string scenario = ShardedSweeps.SmallSweep(root);
        Assert.Equal(0, CliRunner.Run("slurm", scenario, "--shards", "2", "--out", dir).ExitCode);
        // What the job leaves: shard folders, logs, the merged sweep and its lock file.
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(dir, "merged")).ExitCode);
        File.WriteAllText(Path.Combine(dir, "logs", "shard-1.out"), "log");

        var again = CliRunner.Run("slurm", scenario, "--shards", "2", "--out", dir, "--force");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(Directory.Exists(Path.Combine(dir, "merged")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir, "logs")));
    }
}
