namespace TrustSim.Tests.Cli;

/// <summary>Bad flags and paths: exit 2, one clear first line on stderr, no stack trace, nothing run (impossible sizes: <see cref="MemoryRefusalTests"/>).</summary>
public sealed class BadFlagsTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
    private static readonly string Baseline = Path.Combine(Scenarios, "baseline.yaml");
    private static readonly string SweepScenario = Path.Combine(Scenarios, "repeated-scandals.yaml");
    private static readonly string CalibrateScenario = Path.Combine(Scenarios, "calibrate-ponemon.yaml");

    /// <summary>The first line of stderr of a run that must have exited 2 without a stack trace.</summary>
    internal static string FirstLine(CliRunner.Outcome outcome)
    {
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}: {outcome.Error}");
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.DoesNotContain("Exception", outcome.Error);
        return outcome.Error.Split('\n')[0].TrimEnd('\r');
    }

    [Theory]
    [InlineData("run", "--workers", "0", "--workers must be at least 1")]
    [InlineData("run", "--replications", "0", "--replications must be at least 1")]
    [InlineData("run", "--threads", "0", "--threads must be at least 1")]
    [InlineData("sweep", "--workers", "0", "--workers must be at least 1")]
    [InlineData("calibrate", "--workers", "0", "--workers must be at least 1")]
    public void Execute_ZeroCount_ExitsTwoWithOneLine(string verb, string flag, string value, string expected)
    {
        string scenario = verb switch { "sweep" => SweepScenario, "calibrate" => CalibrateScenario, _ => Baseline };
        var outcome = CliRunner.Run(verb, scenario, flag, value);
        Assert.Equal($"trustsim: {expected}", FirstLine(outcome));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("calibrate")]
    [InlineData("validate")]
    public void Execute_MissingScenarioFile_ExitsTwoWithLocatedLine(string verb)
    {
        string missing = Path.Combine(CliRunner.TempFolder(), "no-such.yaml");
        Assert.Equal($"{missing}:1:1: file not found", FirstLine(CliRunner.Run(verb, missing)));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void Execute_OutUnderARegularFile_ExitsTwoNamingTheFile(string verb)
    {
        string root = CliRunner.TempFolder();
        string file = Path.Combine(root, "plain.txt");
        File.WriteAllText(file, "x");
        string outDir = Path.Combine(file, "sub");
        var outcome = CliRunner.Run(verb, verb == "sweep" ? SweepScenario : Baseline, "--out", outDir);
        Assert.Equal($"trustsim: {outDir}: cannot create the folder: {file} is a file", FirstLine(outcome));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("calibrate")]
    public void Execute_OutUnderProc_ExitsTwo(string verb)
    {
        string scenario = verb switch { "sweep" => SweepScenario, "calibrate" => CalibrateScenario, _ => Baseline };
        var outcome = CliRunner.Run(verb, scenario, "--out", "/proc/trustsim-cannot-be-here");
        Assert.StartsWith("trustsim: /proc/trustsim-cannot-be-here: cannot create the folder", FirstLine(outcome));
    }

    [Fact]
    public void Sweep_ResumeOfAFolderWithoutSweep_ExitsTwo()
    {
        string empty = CliRunner.TempFolder();
        Assert.StartsWith($"trustsim: {empty}: not a sweep folder (no scenario.yaml); nothing to resume",
            FirstLine(CliRunner.Run("sweep", "--resume", empty)));
    }

    [Fact]
    public void Sweep_ResumeOfARunFolder_ExitsTwoSayingItHasNoSweep()
    {
        string folder = Path.Combine(CliRunner.TempFolder(), "run");
        var run = CliRunner.Run("run", Baseline, "--out", folder, "--set", "users.count=200", "--set", "time.steps=5");
        Assert.True(run.ExitCode == 0, run.Error);
        string line = FirstLine(CliRunner.Run("sweep", "--resume", folder));
        Assert.StartsWith(Path.Combine(folder, "scenario.yaml") + ":1:1: the scenario has no sweep: section", line);
    }

    [Fact]
    public void Sweep_ResumeWithAnotherOut_ExitsTwoInsteadOfIgnoringOut()
    {
        string resumed = CliRunner.TempFolder();
        string other = CliRunner.TempFolder();

        var outcome = CliRunner.Run("sweep", "--resume", resumed, "--out", other);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"trustsim: --resume {resumed} writes into that folder; --out {other} names another", FirstLine(outcome));
    }
}
