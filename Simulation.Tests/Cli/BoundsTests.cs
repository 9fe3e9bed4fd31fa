using System.Diagnostics;
using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

/// <summary>Issue 14: parallelism options, calendars and distributions out of bounds exit 2 at once, located, writing nothing.</summary>
public sealed class BoundsTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
    private static readonly string Baseline = Path.Combine(Scenarios, "baseline.yaml");

    [Theory]
    [InlineData("run", "--threads", "100000")]
    [InlineData("run", "--threads", "2147483647")]
    [InlineData("run", "--workers", "100000")]
    [InlineData("run", "--workers", "2147483647")]
    [InlineData("sweep", "--workers", "100000")]
    [InlineData("sweep", "--workers", "2147483647")]
    [InlineData("compare", "--workers", "100000")]
    [InlineData("compare", "--workers", "2147483647")]
    [InlineData("calibrate", "--workers", "100000")]
    [InlineData("calibrate", "--workers", "2147483647")]
    [InlineData("bench", "--threads", "100000")]
    [InlineData("bench", "--threads", "2147483647")]
    public void Execute_ParallelismAboveTheCap_ExitsTwoNamingTheRange(string verb, string flag, string value)
    {
        string[] args = verb switch
        {
            "sweep" => [verb, Path.Combine(Scenarios, "repeated-scandals.yaml")],
            "calibrate" => [verb, Path.Combine(Scenarios, "calibrate-ponemon.yaml")],
            "compare" => [verb, Baseline, Baseline],
            "bench" => [verb],
            _ => [verb, Baseline],
        };
        var clock = Stopwatch.StartNew();
        var outcome = CliRunner.Run([.. args, flag, value]);

        Assert.Equal($"trustsim: {flag} {value} is too many: allowed 1 to {Limits.MaxParallelism} " +
            $"(4 per core on this machine's {Environment.ProcessorCount}, at least 64)", BadFlagsTests.FirstLine(outcome));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void MaxParallelism_IsFourPerCoreAndAtLeast64()
    {
        Assert.Equal(Math.Max(4 * Environment.ProcessorCount, 64), Limits.MaxParallelism);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void Execute_CalendarPast9999_ExitsTwoLocatedAndWritesNothing(string verb)
    {
        var (file, outDir) = Scenario("name: late\ntime:\n  start: 9999-06-01\n");
        var outcome = CliRunner.Run(verb == "run" ? [verb, file, "--out", outDir] : [verb, file]);

        Assert.StartsWith($"{file}:3:10: time.start = 9999-06-01 with 260 weekly steps: the last step's date would pass 9999-12-31",
            BadFlagsTests.FirstLine(outcome));
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void Execute_UniformOverflowingToInfinity_ExitsTwoLocatedAndWritesNothing(string verb)
    {
        var (file, outDir) = Scenario("name: huge\ninstitutions:\n  generated:\n    bank_theta: { kind: uniform, min: -1e308, max: 1e308 }\n");
        var outcome = CliRunner.Run(verb == "run" ? [verb, file, "--out", outDir] : [verb, file]);

        Assert.StartsWith($"{file}:4:39: institutions.generated.bank_theta.min = -1E+308 is too large for a uniform distribution",
            BadFlagsTests.FirstLine(outcome));
        Assert.False(Directory.Exists(outDir));
    }

    private static (string File, string Out) Scenario(string yaml)
    {
        var dir = CliRunner.TempFolder();
        var file = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(file, yaml);
        return (file, Path.Combine(dir, "out"));
    }
}
