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
}
