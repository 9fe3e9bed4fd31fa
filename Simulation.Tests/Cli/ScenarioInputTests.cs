using TrustSim.Tests.Scenarios;

namespace TrustSim.Tests.Cli;

/// <summary>
/// Issue 14, item 8: a sweep scenario of 280 KB resolved to a 1.1 MB scenario.yaml, which resume and
/// every Slurm shard then could not read (the loader reads at most 1 MB). Now a scenario whose
/// written form fits is read back by resume and shards, and one whose written form would not fit
/// is refused before anything is written.
/// </summary>
public sealed class ScenarioInputTests
{
    private const string SweepHead = """
        name: big
        time: { steps: 3 }
        users: { count: 20 }
        replications: 1
        sweep:
          design: grid
          replications: 1
          parameters:
            - { path: platform.scar, values: [0.1, 0.2] }

        """;

    [Fact]
    public void Load_WrittenScenarioJustUnderTheLimit_ResumeAndAShardReadItBack()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("big.yaml", WrittenSizeTests.WithShocks(8_000, SweepHead));
        var sweep = Path.Combine(folder.Path, "sweep");

        var first = CliRunner.Run("sweep", scenario, "--out", sweep, "--workers", "1");
        Assert.True(first.ExitCode == 0, first.Error);
        var written = Path.Combine(sweep, "scenario.yaml");
        Assert.InRange(new FileInfo(written).Length, 900_000, 1 << 20);

        var resumed = CliRunner.Run("sweep", "--resume", sweep, "--workers", "1");
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        // What a Slurm shard task does: sweep the folder's written scenario.yaml.
        var shard = CliRunner.Run("sweep", written, "--shard", "0/2", "--out", Path.Combine(folder.Path, "shard-0"), "--workers", "1");
        Assert.True(shard.ExitCode == 0, shard.Error);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("run")]
    [InlineData("validate")]
    public void Load_WrittenScenarioOverTheLimit_RefusedUpFrontWithNothingWritten(string verb)
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("big.yaml", WrittenSizeTests.WithShocks(9_000, SweepHead));
        var output = Path.Combine(folder.Path, "out");

        var result = verb == "validate" ? CliRunner.Run(verb, scenario) : CliRunner.Run(verb, scenario, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{scenario}:11:3: the resolved scenario (defaults written out, extends and --set applied) is 1,0", result.Error);
        Assert.Contains("shocks takes", result.Error);
        Assert.False(Directory.Exists(output), "nothing is written for a refused scenario");
    }
}
