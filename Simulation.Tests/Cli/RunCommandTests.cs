namespace TrustSim.Tests.Cli;

public sealed class RunCommandTests
{
    private static readonly string Scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "cambridge-analytica.yaml");
    private static readonly string[] Small = ["--replications", "3", "--set", "users.count=2000", "--set", "time.steps=180"];

    [Fact]
    public void Execute_ShippedScenario_WritesEveryContractFileAndFiveCharts()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "run");
        var result = CliRunner.Run(["run", Scenario, "--out", dir, .. Small]);
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var f in new[] { "manifest.json", "scenario.yaml", "timeseries.csv", "summary.csv", "events.csv", "institutions.csv" })
            Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f);
        Assert.True(Directory.GetFiles(Path.Combine(dir, "charts"), "*.png").Length >= 5);
        var header = File.ReadLines(Path.Combine(dir, "timeseries.csv")).First();
        Assert.StartsWith("replication,step,date,reputation,anchor", header);
        foreach (var column in new[] { "safeguards", "reach", "aware", "adoption", "partners_none", "partners_limited", "partners_full", "records_held", "stringency" })
            Assert.Contains(column, header.Split(','));
        Assert.Equal(3 * 181 + 1, File.ReadLines(Path.Combine(dir, "timeseries.csv")).Count());
        // The saved scenario is the resolved one and runs as it is.
        var again = CliRunner.Run(["validate", Path.Combine(dir, "scenario.yaml")]);
        Assert.True(again.ExitCode == 0, again.Error);
    }

    [Fact]
    public void Execute_SameScenarioAndSeedTwice_DataFilesAreByteIdentical()
    {
        var root = CliRunner.TempFolder();
        var a = CliRunner.Run(["run", Scenario, "--out", Path.Combine(root, "a"), "--workers", "1", .. Small]);
        var b = CliRunner.Run(["run", Scenario, "--out", Path.Combine(root, "b"), "--workers", "2", .. Small]);
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        foreach (var f in new[] { "scenario.yaml", "timeseries.csv", "summary.csv", "events.csv", "institutions.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", f)), File.ReadAllBytes(Path.Combine(root, "b", f)));
    }

    [Fact]
    public void Execute_ExistingNonEmptyOut_RefusesWithoutForce()
    {
        var dir = CliRunner.TempFolder();
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "precious");
        var result = CliRunner.Run(["run", Scenario, "--out", dir, .. Small]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force", result.Error);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(dir, "keep.txt")));
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--replications", "0")]
    [InlineData("--no-such-flag", "1")]
    [InlineData("--seed", "abc")]
    public void Execute_BadFlag_ExitsTwoWithOneClearLine(string flag, string value)
    {
        var result = CliRunner.Run("run", Scenario, flag, value);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.StartsWith("trustsim: ", result.Error);
    }

    [Fact]
    public void Execute_MissingFile_ExitsTwoWithLocatedMessage()
    {
        var result = CliRunner.Run("run", "no/such/scenario.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no/such/scenario.yaml", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
