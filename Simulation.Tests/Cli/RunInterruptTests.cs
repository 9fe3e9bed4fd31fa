using System.Diagnostics;

namespace TrustSim.Tests.Cli;

/// <summary>`trustsim run` stopped by Ctrl-C or SIGTERM: exit 130 and no file under a final name.</summary>
[Collection("ChildProcess")]
public sealed class RunInterruptTests
{
    private static readonly string Scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml");

    [Theory]
    [InlineData(TrustsimProcess.SigInt)]
    [InlineData(TrustsimProcess.SigTerm)]
    public void Run_Signalled_ExitsInterruptedAndWritesNoFinalFile(int signal)
    {
        string folder = Path.Combine(CliRunner.TempFolder(), "run");
        // 40 replications of a million users on one worker take minutes: the signal lands mid-run.
        using var child = TrustsimProcess.Start("run", Scenario, "--out", folder, "--workers", "1", "--replications", "40",
            "--set", "users.count=1000000");
        var clock = Stopwatch.StartNew();
        // The folder is made after the scenario loads and the memory check passes; signal once the runs are under way.
        while (!child.HasExited && !Directory.Exists(folder) && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
        Thread.Sleep(1000);
        Assert.True(child.Signal(signal), $"the run ended before the signal: {child.Error}");
        int code = child.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(code == 130, $"exit {code}: {child.Error}");
        Assert.Contains("interrupted", child.Error);
        Assert.DoesNotContain("   at ", child.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories));
    }
}
