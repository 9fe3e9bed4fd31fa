namespace TrustSim.Tests.Cli;

public sealed class BenchCommandTests
{
    [Fact]
    public void Execute_OutsideTheRepositoryWithFewSteps_RunsTheShippedScenarioCutShort()
    {
        // A folder with no scenarios/ in it: the default scenario comes from the copy beside the tool,
        // and --steps 5 leaves out the events scheduled after step 5 instead of refusing them.
        using var folder = new TempFolder();

        var bench = TrustsimProcess.StartIn(folder.Path, "bench", "--users", "20000", "--steps", "5",
            "--influence", "institution", "--threads", "1", "--json");
        var exit = bench.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, bench.Error);
        Assert.Contains("\"steps\": 5", bench.Out);
        Assert.Contains("\"users\": 20000", bench.Out);
    }

    [Fact]
    public void Execute_Sweep_TimesManySmallRunsAgainstOneRunAndLeavesNoFolder()
    {
        using var folder = new TempFolder();
        string before = string.Join(",", Directory.GetDirectories(Path.GetTempPath(), "trustsim-bench-sweep-*"));

        var bench = TrustsimProcess.StartIn(folder.Path, "bench", "--sweep", "--sweep-runs", "20", "--sweep-users", "300", "--steps", "12",
            "--threads", "2", "--warm", "--json");
        var exit = bench.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, bench.Error);
        using var json = System.Text.Json.JsonDocument.Parse(bench.Out);
        var sweep = json.RootElement.GetProperty("sweep");
        Assert.Equal(20, sweep.GetProperty("runs").GetInt64());
        Assert.True(sweep.GetProperty("warm").GetBoolean());
        Assert.Equal(0, sweep.GetProperty("failed").GetInt32());
        Assert.Equal(6000, sweep.GetProperty("one_run_users").GetInt64());
        Assert.True(sweep.GetProperty("sweep_over_one_run").GetDouble() > 0);
        // Every run builds a world and records its steps, so a run allocates something, and far less than 10 MB at 300 users.
        Assert.InRange(sweep.GetProperty("allocated_bytes_per_run").GetDouble(), 1, 10e6);
        Assert.True(sweep.GetProperty("spool_bytes").GetInt64() > 0 && sweep.GetProperty("parquet_bytes").GetInt64() > 0);
        Assert.True(json.RootElement.TryGetProperty("machine", out _));
        // Neither the timed sweep's folder nor the warm-up's is left behind.
        Assert.Equal(before, string.Join(",", Directory.GetDirectories(Path.GetTempPath(), "trustsim-bench-sweep-*")));
    }

    [Fact]
    public void Execute_WarmWithoutSweep_ExitsTwoSayingWhatItGoesWith()
    {
        using var folder = new TempFolder();

        var bench = TrustsimProcess.StartIn(folder.Path, "bench", "--warm");
        var exit = bench.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("--warm goes with --sweep", bench.Error + bench.Out);
    }
}
