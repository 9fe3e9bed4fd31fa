using TrustSim.Charts;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Reports;

/// <summary>The posterior folder written from a posterior of a fake model (no simulation), read back as plot reads it.</summary>
public sealed class PosteriorFolderTests
{
    private static Scenario Calibrated(string name) => new()
    {
        Name = name,
        Time = new TimeSettings { Steps = 30 },
        Calibrate = new CalibrationSettings
        {
            Chains = 3, Warmup = 60, Draws = 80, ProfilePoints = 3, ProfileEvaluations = 5,
            Parameters =
            [
                new CalibrationParameter { Path = "platform.sensitivity", Min = 0.5, Max = 10, Log = true },
                new CalibrationParameter { Path = "platform.fast_recovery", Min = 0.05, Max = 1, Prior = new PriorSettings { Kind = PriorKind.Beta, A = 2, B = 3 } },
            ],
            Observed =
            [
                new Observation { Step = 10, Value = 0.6, Label = "first" },
                new Observation { Step = 12, Value = 0.5 },
                new Observation { Step = 20, Value = 0.7, Se = 0.02 },
            ],
        },
    };

    /// <summary>A fake model: reputation falls with the sensitivity and recovers with the fast rate.</summary>
    private static double[] Model(IReadOnlyList<double> v) => [0.9 - 0.1 * Math.Log(v[0]), 0.8 - 0.1 * Math.Log(v[0]) + 0.05 * v[1], 0.6 + 0.2 * v[1]];

    private static PosteriorResult Result(Scenario scenario, bool interrupted)
    {
        var calibrate = scenario.Calibrate!;
        var targets = calibrate.Observed.Select(o => CalibrationTarget.Of(scenario.Time, o)).ToList();
        var observations = new ObservationModel(targets, calibrate.Sigma);
        var problem = new PosteriorProblem(new PosteriorSpace(calibrate.Parameters, observations.Scales), observations, v => Model(v));
        var information = IdentifiabilityCheck.Run(problem, 1, 1);
        var chains = PosteriorSampler.Run(problem, calibrate.Chains, calibrate.Warmup, calibrate.Draws, 5, 1);
        if (interrupted)
            chains = chains.Select(c => c with { Draws = c.Draws.Take(30 + c.Chain).ToList() }).ToList();
        var result = PosteriorCalibrator.Analyse(problem, chains, calibrate.Warmup, calibrate.Draws, information, interrupted, 0);
        if (interrupted) return result;
        var draws = chains.SelectMany(c => c.Draws.Zip(c.LogLikelihood)).ToList();
        var metrics = new[] { "reputation" };
        var predictive = PosteriorPredictive.Run(problem, chains.SelectMany(c => c.Draws).ToList(), metrics,
            v => [Enumerable.Range(0, 21).Select(s => s < 10 ? 0.79 : Model(v)[Math.Min(2, (s - 10) / 4)]).ToArray()], 20, 9, 1);
        return result with { Profile = ProfileLikelihood.Run(problem, draws, 3, 5, 1), Predictive = predictive };
    }

    private static Manifest ManifestOf(PosteriorResult result, RunStatus status) => new()
    {
        ToolVersion = "test",
        ScenarioName = "posterior-test",
        Status = status,
        Posterior = new PosteriorManifest
        {
            Chains = result.Chains.Count, Warmup = result.Warmup, Draws = result.Draws, DrawsKept = result.Chains.Select(c => c.Draws.Count).ToList(),
            DrawsUsed = result.Retained, Converged = result.Converged,
        },
    };

    [Fact]
    public void Write_ThenRead_GivesBackTheDrawsSummariesAndPredictive()
    {
        using var temp = new TempFolder();
        var scenario = Calibrated("posterior-test");
        var result = Result(scenario, interrupted: false);
        var manifest = ManifestOf(result, result.Converged ? RunStatus.Completed : RunStatus.NotConverged);

        var problems = PosteriorFolder.Write(temp.Path, result, scenario, manifest);
        var data = PosteriorFolder.Read(temp.Path, manifest, scenario);

        Assert.Empty(problems);
        Assert.Equal(["platform.sensitivity", "platform.fast_recovery", "sigma_reputation"], data.Quantities.Select(q => q.Name));
        // Every number is written shortest-round-trip: the draws and summaries come back exactly.
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(result.ByChain(k).SelectMany(d => d), data.Quantities[k].Pooled());
            Assert.Equal(result.Summaries[k], data.Quantities[k].Summary);
        }
        Assert.Equal(result.Correlation[0, 1], data.Correlation[0, 1]);
        Assert.Equal(3, data.Fit.Count);
        Assert.Equal(result.Predictive!.Observations[2].PredictiveHigh, data.Fit[2].PredictiveHigh);
        Assert.Equal(21, Assert.Single(data.Bands).Steps.Count);
        Assert.Equal(6, data.Profile.Count);
        Assert.Equal(["marginals.png", "corner.png", "traces.png", "fit-reputation.png", "profile.png"],
            Directory.GetFiles(Path.Combine(temp.Path, "charts"), "*.png").Select(Path.GetFileName).OrderBy(f => f switch
            {
                "marginals.png" => 0, "corner.png" => 1, "traces.png" => 2, "fit-reputation.png" => 3, _ => 4,
            }));
    }

    [Fact]
    public void Write_InterruptedChains_WritesWhatWasDrawnAndReadsWithoutProfileOrPredictive()
    {
        using var temp = new TempFolder();
        var scenario = Calibrated("posterior-test");
        var result = Result(scenario, interrupted: true);
        var manifest = ManifestOf(result, RunStatus.Interrupted);

        var problems = PosteriorFolder.Write(temp.Path, result, scenario, manifest);
        var data = PosteriorFolder.Read(temp.Path, manifest, scenario);

        Assert.Empty(problems);
        Assert.Equal(30, result.Retained);
        Assert.Equal(PosteriorStatus.Interrupted, data.Status);
        Assert.Equal(30, data.Quantities[0].ByChain[2].Length);
        Assert.Equal(1 + 30 + 31 + 32, File.ReadAllLines(Path.Combine(temp.Path, "posterior.csv")).Length);
        Assert.False(File.Exists(Path.Combine(temp.Path, "profile.csv")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "predictive.csv")));
        Assert.Contains(result.Warnings, w => w.StartsWith("interrupted: 30 of 80 draws per chain kept", StringComparison.Ordinal));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(temp.Path, "charts"), "*.png").Length);
    }

    [Fact]
    public void Read_PosteriorCsvMissingADraw_RefusedNamingTheFile()
    {
        using var temp = new TempFolder();
        var scenario = Calibrated("posterior-test");
        var result = Result(scenario, interrupted: false);
        var manifest = ManifestOf(result, RunStatus.NotConverged);
        PosteriorFolder.Write(temp.Path, result, scenario, manifest);
        var path = Path.Combine(temp.Path, "posterior.csv");
        File.WriteAllLines(path, File.ReadAllLines(path)[..^1]);

        var e = Assert.Throws<TrustSim.Core.DataFileException>(() => PosteriorFolder.Read(temp.Path, manifest, scenario));
        Assert.StartsWith($"{path}: 79 draws of chain 3 for the 80 in manifest.json", e.Message);
    }
}
