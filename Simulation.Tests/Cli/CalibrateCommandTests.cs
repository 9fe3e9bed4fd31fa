using System.Text.Json;

namespace TrustSim.Tests.Cli;

public sealed class CalibrateCommandTests
{
    private static readonly string Ponemon = Path.Combine(Paths.RepositoryRoot(), "scenarios", "calibrate-ponemon.yaml");

    [Fact]
    public void Execute_PonemonWithSmallBudget_WritesFolderAndFittedScenarioRuns()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "fit");
        var result = CliRunner.Run(["calibrate", Ponemon, "--out", dir, "--set", "calibrate.budget=40", "--set", "calibrate.starts=2"]);
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var f in new[] { "fit.csv", "trace.csv", "fitted.yaml", "manifest.json", "charts/fit-reputation.png", "charts/loss.png" })
            Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f);
        var fit = File.ReadAllLines(Path.Combine(dir, "fit.csv"));
        Assert.StartsWith("parameter,value,min,max,log,se,", fit[0]);
        Assert.Equal(6, fit.Length);
        var trace = File.ReadAllLines(Path.Combine(dir, "trace.csv"));
        Assert.Equal(40, trace.Count(l => l.Contains(",search,")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("completed", manifest.RootElement.GetProperty("status").GetString());
        Assert.Equal(40, manifest.RootElement.GetProperty("calibration").GetProperty("search_evaluations").GetInt32());
        var fitted = File.ReadAllText(Path.Combine(dir, "fitted.yaml"));
        Assert.Contains("calibrate: ~", fitted);
        var run = CliRunner.Run(["run", Path.Combine(dir, "fitted.yaml"), "--out", Path.Combine(dir, "run"), "--replications", "1"]);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void Execute_ScenarioWithoutCalibrateSection_ExitsTwo()
    {
        var result = CliRunner.Run(["calibrate", Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml"), "--out", CliRunner.TempFolder()]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline.yaml:1:1: the scenario has no calibrate: section", result.Error);
    }

    [Fact]
    public void Execute_NonEmptyOutWithoutForce_ExitsTwo()
    {
        var dir = CliRunner.TempFolder();
        File.WriteAllText(Path.Combine(dir, "x.txt"), "x");
        var result = CliRunner.Run(["calibrate", Ponemon, "--out", dir]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force", result.Error);
    }

    [Fact]
    public void Execute_ForceOverItsOwnFolder_ReplacesItButNotARunFolder()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "fit");
        string[] args = ["calibrate", Ponemon, "--out", folder, "--set", "calibrate.budget=8", "--set", "calibrate.starts=1"];
        Assert.Equal(0, CliRunner.Run(args).ExitCode);
        string run = Path.Combine(root, "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(folder, "fitted.yaml"), "--out", run, "--replications", "1").ExitCode);

        var again = CliRunner.Run([.. args, "--force"]);
        var overRun = CliRunner.Run(["calibrate", Ponemon, "--out", run, "--force", "--set", "calibrate.budget=8", "--set", "calibrate.starts=1"]);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("completed", JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement.GetProperty("status").GetString());
        Assert.Equal(2, overRun.ExitCode);
        Assert.StartsWith($"trustsim: {run}: is a run folder (manifest.json), not a calibration folder", overRun.Error);
        Assert.True(File.Exists(Path.Combine(run, "summary.csv")));
    }
}
