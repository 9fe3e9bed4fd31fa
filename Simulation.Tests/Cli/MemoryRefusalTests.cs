namespace TrustSim.Tests.Cli;

/// <summary>
/// A run, sweep or calibration that would need more memory than there is: refused with one line (exit 2)
/// before anything is allocated or written. The allocation is measured for the whole process, so these
/// run in the serial <see cref="WholeProcessCollection"/>: another test running beside them would count in.
/// </summary>
[Collection("WholeProcess")]
public sealed class MemoryRefusalTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    /// <summary>1e8 users of degree 1000 in a network: about 1.2 TB a run, more than any machine here has.</summary>
    private static readonly string[] Huge =
        ["--set", "users.count=100000000", "--set", "users.influence=network", "--set", "users.network.degree=1000"];

    [Theory]
    [InlineData("run", "this run")]
    [InlineData("sweep", "this sweep")]
    [InlineData("calibrate", "this calibration")]
    public void Execute_MoreMemoryThanAvailable_RefusedBeforeAnythingIsAllocatedOrWritten(string verb, string what)
    {
        string scenario = Path.Combine(Scenarios, verb switch { "sweep" => "repeated-scandals.yaml", "calibrate" => "calibrate-ponemon.yaml", _ => "baseline.yaml" });
        string folder = Path.Combine(CliRunner.TempFolder(), "out");
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = CliRunner.Run([verb, scenario, "--out", folder, "--workers", "2", .. Huge]);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        string line = BadFlagsTests.FirstLine(outcome);
        Assert.Matches($@"^trustsim: {what} needs about [0-9.]+ GB \(1e8 users x 2 workers\); [0-9.]+ GB is available: " +
                       "lower users.count, users.network.degree or --workers$", line);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(folder), "nothing is written when the run is refused");
        Assert.True(allocated < 200_000_000, $"{allocated:N0} bytes allocated before the refusal");
    }
}
