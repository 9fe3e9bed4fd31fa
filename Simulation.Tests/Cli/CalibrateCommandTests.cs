using System.Text.Json;

namespace TrustSim.Tests.Cli;

public sealed class CalibrateCommandTests
{
    private static readonly string Ponemon = Path.Combine(Paths.RepositoryRoot(), "scenarios", "calibrate-ponemon.yaml");

    [Fact]
    public void Execute_PonemonOptimizeWithSmallBudget_WritesFolderAndFittedScenarioRuns()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "fit");
        var result = CliRunner.Run(["calibrate", Ponemon, "--out", dir, "--set", "calibrate.method=optimize", "--set", "calibrate.budget=40", "--set", "calibrate.starts=2"]);
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
        string[] args = ["calibrate", Ponemon, "--out", folder, "--set", "calibrate.method=optimize", "--set", "calibrate.budget=8", "--set", "calibrate.starts=1"];
        Assert.Equal(0, CliRunner.Run(args).ExitCode);
        string run = Path.Combine(root, "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(folder, "fitted.yaml"), "--out", run, "--replications", "1").ExitCode);

        var again = CliRunner.Run([.. args, "--force"]);
        var overRun = CliRunner.Run(["calibrate", Ponemon, "--out", run, "--force", "--set", "calibrate.method=optimize", "--set", "calibrate.budget=8", "--set", "calibrate.starts=1"]);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("completed", JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement.GetProperty("status").GetString());
        Assert.Equal(2, overRun.ExitCode);
        Assert.StartsWith($"trustsim: {run}: is a run folder (manifest.json), not a calibration folder", overRun.Error);
        Assert.True(File.Exists(Path.Combine(run, "summary.csv")));
    }

    /// <summary>The Ponemon posterior cut short: a few draws, a small population and one replication (reputation does not depend on either).</summary>
    private static readonly string[] QuickPosterior =
    [
        "--set", "calibrate.warmup=40", "--set", "calibrate.draws=40", "--set", "calibrate.profile_points=3", "--set", "calibrate.profile_evaluations=4",
        "--set", "users.count=100", "--set", "calibrate.replications=1",
    ];

    [Fact]
    public void Execute_PonemonPosteriorFewDraws_WritesEveryFileAndSaysItDidNotConverge()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "posterior");
        var result = CliRunner.Run(["calibrate", Ponemon, "--out", dir, .. QuickPosterior]);

        // Forty draws a chain cannot converge: exit 1, every file written, and the results marked.
        Assert.True(result.ExitCode == 1, result.Error);
        Assert.Contains("NOT CONVERGED", result.Out);
        Assert.Contains("the chains did not converge", result.Error);
        foreach (var f in new[] { "posterior.csv", "summary.csv", "fit.csv", "correlation.csv", "profile.csv", "predictive.csv", "scenario.yaml", "manifest.json" })
            Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f);
        foreach (var chart in new[] { "marginals", "corner", "traces", "fit-reputation", "profile" })
        {
            Assert.True(new FileInfo(Path.Combine(dir, "charts", chart + ".png")).Length > 0, chart);
            Assert.True(new FileInfo(Path.Combine(dir, "charts", chart + ".svg")).Length > 0, chart);
        }
        var posterior = File.ReadAllLines(Path.Combine(dir, "posterior.csv"));
        Assert.Equal("chain,draw,platform.sensitivity,platform.salience_exponent,platform.fast_share,platform.fast_recovery,shocks.1.severity,sigma_reputation,log_likelihood,log_posterior", posterior[0]);
        Assert.Equal(1 + 4 * 40, posterior.Length);
        var summary = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.Equal("quantity,kind,min,max,log,prior,mean,median,sd,q025,q975,rhat,ess_bulk,ess_tail", summary[0]);
        Assert.Equal(7, summary.Length);
        var fit = File.ReadAllLines(Path.Combine(dir, "fit.csv"));
        Assert.Equal(5, fit.Length);
        // The pre-scandal figure restates the initial reputation: flagged as carrying no information.
        Assert.Contains(",reputation,64,2017-07-03,0.79,,1,sigma_reputation,false,", fit[1]);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(dir, "correlation.csv")).Length);
        Assert.Equal(1 + 5 * 3, File.ReadAllLines(Path.Combine(dir, "profile.csv")).Length);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("not_converged", root.GetProperty("status").GetString());
        Assert.StartsWith("not converged: largest R-hat", root.GetProperty("error").GetString());
        var section = root.GetProperty("posterior");
        Assert.Equal("posterior", section.GetProperty("method").GetString());
        Assert.False(section.GetProperty("converged").GetBoolean());
        Assert.Equal(4, section.GetProperty("chains").GetInt32());
        Assert.Equal(3, section.GetProperty("informative_observations").GetInt32());
        Assert.False(root.TryGetProperty("calibration", out _));
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("identifiability: 5 parameters are fitted to 3 informative observations", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("not converged", StringComparison.Ordinal));
        // The resolved scenario reproduces the calibration: it loads, with the method and the observations inline.
        var scenario = File.ReadAllText(Path.Combine(dir, "scenario.yaml"));
        Assert.Contains("method: posterior", scenario);
        Assert.Contains("Ponemon 2017", scenario);
    }

    [Fact]
    public void Execute_PosteriorOneOrTwoWorkers_ByteIdenticalDataFiles()
    {
        var root = CliRunner.TempFolder();
        string[] files = ["posterior.csv", "summary.csv", "fit.csv", "correlation.csv", "profile.csv", "predictive.csv", "scenario.yaml"];
        var one = CliRunner.Run(["calibrate", Ponemon, "--out", Path.Combine(root, "one"), "--workers", "1", .. QuickPosterior]);
        var two = CliRunner.Run(["calibrate", Ponemon, "--out", Path.Combine(root, "two"), "--workers", "2", .. QuickPosterior]);
        Assert.Equal(1, one.ExitCode);
        Assert.Equal(1, two.ExitCode);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(root, "one", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(root, "two", f))), f);
    }

    [Fact]
    public void Execute_OneParameterWithStandardErrors_ConvergesAndExitsZero()
    {
        // Data made by the model at beta = 3 (the optimiser's known-truth case), with standard errors: one
        // well-determined parameter converges in a few hundred draws a chain.
        using var folder = new TempFolder();
        var scenario = folder.Write("beta.yaml", """
            name: beta-posterior
            time: { steps: 106 }
            users: { count: 100 }
            platform: { sensitivity: 3, breaches: { hazard: 0 } }
            shocks: [{ step: 101, type: misuse, affected: 87000000 }]
            calibrate:
              replications: 1
              chains: 4
              warmup: 300
              draws: 700
              profile_points: 3
              profile_evaluations: 1
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 8, log: true }]
              observed:
                - { step: 101, value: 0.27, se: 0.01 }
                - { step: 102, value: 0.30, se: 0.01 }
                - { step: 105, value: 0.34, se: 0.01 }
            """);
        var dir = Path.Combine(folder.Path, "out");
        var result = CliRunner.Run(["calibrate", scenario, "--out", dir]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("; converged (largest R-hat", result.Out);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("completed", manifest.RootElement.GetProperty("status").GetString());
        Assert.True(manifest.RootElement.GetProperty("posterior").GetProperty("converged").GetBoolean());
        Assert.True(manifest.RootElement.GetProperty("posterior").GetProperty("min_bulk_ess").GetDouble() >= 400);
    }

    [Theory]
    [InlineData("parameters: [{ path: platform.sensitivity, min: 0.5, max: 10, prior: { kind: normal, mean: 12, sd: 1 } }]\n  observed: [{ step: 101, value: 0.27 }]",
        "fit.yaml:6:", "calibrate.parameters.0.prior.mean: 12 is outside the parameter's range [0.5, 10]")]
    [InlineData("parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]\n  observed: [{ step: 400, value: 0.27 }]",
        "fit.yaml:7:", "step 400 is after the run's last step (120)")]
    [InlineData("parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]\n  observed: [{ step: 101, metric: trust, value: 0.27 }]",
        "fit.yaml:7:", "'trust' is not a time-series metric")]
    [InlineData("parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]\n  data: obs.csv",
        "obs.csv:1:1:", "the header needs a 'value' column")]
    public void Execute_BadCalibrationInput_LocatedMessageAndExitTwo(string section, string where, string message)
    {
        using var folder = new TempFolder();
        folder.Write("obs.csv", "step,metric,reading\n101,reputation,0.27\n");
        var scenario = folder.Write("fit.yaml", "name: fit\ntime: { steps: 120 }\ninstitutions: { generated: { banks: 2, payments: 1 } }\n" +
            "shocks: [{ step: 101, type: misuse, affected: 87000000 }]\ncalibrate:\n  " + section + "\n");
        var outDir = Path.Combine(folder.Path, "out");

        var result = CliRunner.Run(["calibrate", scenario, "--out", outDir]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(where, result.Error);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(outDir), "nothing is written for bad input");
    }
}
