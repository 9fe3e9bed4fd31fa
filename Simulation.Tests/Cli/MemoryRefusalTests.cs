using System.Diagnostics;

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

    /// <summary>
    /// Issue 14, item 15: 100,000 banks and 100,000 payment firms over 100 replications held about
    /// 90 MB a replication (outcomes and mode-switch events) that the guard did not count, and ran
    /// out of memory at the end. Run as a child process whose GC heap is capped at 8 GiB (as on a
    /// laptop), so the refusal does not depend on this machine's memory: exit 2, one line, nothing written.
    /// </summary>
    [Fact]
    public async Task Execute_HundredThousandBanksAndPaymentsHundredReplications_RefusedUpFrontAsAChildProcess()
    {
        string folder = Path.Combine(CliRunner.TempFolder(), "out");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x200000000";
        foreach (string arg in (string[])[TrustsimProcess.Dll, "run", Path.Combine(Scenarios, "baseline.yaml"), "--out", folder, "--workers", "2",
                     "--replications", "100", "--set", "institutions.generated.banks=100000", "--set", "institutions.generated.payments=100000"])
            info.ArgumentList.Add(arg);

        using var child = Process.Start(info)!;
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEndAsync();
        using var minute = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await child.WaitForExitAsync(minute.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail("the run was not refused within a minute");
        }

        Assert.Equal(2, child.ExitCode);
        Assert.Equal("trustsim: this run needs about 15.6 GB (2e5 institutions x 100 runs held, 2 workers); 8.6 GB is available: " +
                     "lower institutions.generated.banks, institutions.generated.payments, the replications or --workers", (await error).TrimEnd('\n'));
        Assert.Equal("", await output);
        Assert.False(Directory.Exists(folder), "nothing is written when the run is refused");
    }
}
