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

    [Fact]
    public void Execute_SeedAsTheFilesWriteIt_SameRunAsTheDecimalSeed()
    {
        string root = CliRunner.TempFolder();
        string hex = Path.Combine(root, "hex"), plain = Path.Combine(root, "decimal");
        Assert.Equal(0, CliRunner.Run(["run", Scenario, "--out", hex, "--seed", "0xfffffffffffffff5", .. Small]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["run", Scenario, "--out", plain, "--seed", "18446744073709551605", .. Small]).ExitCode);

        Assert.Equal("0xfffffffffffffff5", ManifestSeed(hex));
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "summary.csv")), File.ReadAllBytes(Path.Combine(hex, "summary.csv")));
        Assert.Matches("^replication,seed,.*\n0,0x[0-9a-f]{16},", File.ReadAllText(Path.Combine(hex, "summary.csv")));
    }

    private static string ManifestSeed(string folder) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement.GetProperty("master_seed").ToString();

    [Fact]
    public void Execute_ForceOverARun_ReplacesItWholly()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "run");
        Assert.Equal(0, CliRunner.Run(["run", Scenario, "--out", folder, "--seed", "1", .. Small]).ExitCode);
        File.WriteAllText(Path.Combine(folder, "charts", "from-the-old-run.png"), "old");

        var outcome = CliRunner.Run(["run", Scenario, "--out", folder, "--seed", "2", "--force", .. Small]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal("0x0000000000000002", ManifestSeed(folder));
        Assert.False(File.Exists(Path.Combine(folder, "charts", "from-the-old-run.png")));
        Assert.Equal([".run.trustsim.lock", "run"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Execute_ForceIntoASweepFolder_ExitsTwoNamingItAndKeepsIt()
    {
        string root = CliRunner.TempFolder();
        string sweep = Path.Combine(root, "sweep");
        Assert.Equal(0, CliRunner.Run("sweep", ShardedSweeps.SmallSweep(root), "--out", sweep).ExitCode);
        var before = Directory.EnumerateFileSystemEntries(sweep).Order(StringComparer.Ordinal).ToList();
        var runs = File.ReadAllBytes(Path.Combine(sweep, "runs.csv"));

        var outcome = CliRunner.Run(["run", Scenario, "--out", sweep, "--force", .. Small]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"trustsim: {sweep}: is a sweep folder (manifest.json), not a run folder; --force replaces only a run folder: " +
                     "choose another --out, or delete that folder yourself", outcome.Error.Trim());
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(sweep).Order(StringComparer.Ordinal));
        Assert.Equal(runs, File.ReadAllBytes(Path.Combine(sweep, "runs.csv")));
    }

    [Fact]
    public void Execute_ForceIntoAFolderThatIsNotTrustsims_ExitsTwoAndTouchesNothing()
    {
        // `run --out ~ --force` must never empty a home folder.
        string root = CliRunner.TempFolder();
        string home = Path.Combine(root, "home");
        Directory.CreateDirectory(Path.Combine(home, "Documents"));
        File.WriteAllText(Path.Combine(home, ".bashrc"), "alias x=y");
        File.WriteAllText(Path.Combine(home, "Documents", "thesis.tex"), "precious");

        var outcome = CliRunner.Run(["run", Scenario, "--out", home, "--force", .. Small]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"trustsim: {home}: is not empty and is not a trustsim output folder (it holds .bashrc, Documents)", outcome.Error);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(home, "Documents", "thesis.tex")));
        Assert.Equal(["home"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Execute_ForceIntoTheFolderHoldingTheScenario_ExitsTwo()
    {
        string folder = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run(["run", Scenario, "--out", folder, .. Small]).ExitCode);
        string own = Path.Combine(folder, "scenario.yaml");

        var outcome = CliRunner.Run(["run", own, "--out", folder, "--force", "--replications", "1"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"trustsim: {folder}: is, holds or lies inside {own}, an input of this command", outcome.Error);
    }

    [Fact]
    public void Execute_ScenarioWithASweepSection_SaysItRunsOnlyTheBasePoint()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "run");
        var sweep = Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml");

        var result = CliRunner.Run(["run", sweep, "--out", dir, "--set", "users.count=500", "--set", "time.steps=20"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("has a sweep section (2 parameter(s), grid design); run ignores it and runs the base scenario (1 replication(s))", result.Error);
        Assert.Contains($"trustsim sweep {sweep}", result.Error);
    }
}
