using TrustSim.Reports;
using TrustSim.Scenarios;
using TrustSim.Tests.Cli;

namespace TrustSim.Tests.Reports;

public sealed class SweepChartDataTests
{
    [Fact]
    public void Build_SampledDesignWithMorePointsThanDrawn_BinsThePointsWithIntervalsInTheDomain()
    {
        using var folder = new TempFolder();
        string scenario = folder.File("many.yaml");
        File.WriteAllText(scenario,
            $"extends: {Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml")}\n" +
            "users: { count: 50 }\ntime: { steps: 8 }\n" +
            "sweep:\n  design: random\n  samples: 1200\n  replications: 1\n  metrics: [final_reputation]\n" +
            "  parameters:\n    - { path: platform.scar, min: 0, max: 0.6 }\n    - { path: institutions.imitation, min: 0, max: 1 }\n");
        string output = Path.Combine(folder.Path, "sweep");
        var ran = CliRunner.Run("sweep", scenario, "--out", output, "--workers", "2");
        Assert.True(ran.ExitCode == 0, ran.Error);

        var specs = SweepChartData.Build(output, ScenarioLoader.Load(Path.Combine(output, RunFolder.ScenarioFile)).Scenario!);

        var response = Assert.Single(specs.Responses, r => r.FileName == "response-final_reputation-vs-platform_scar.png");
        var line = Assert.Single(response.Lines);
        Assert.InRange(line.X.Length, PointBins.Count - 2, PointBins.Count);
        Assert.Contains("1,200 design points in 20 bins", response.Note);
        // About 60 points a bin (1,200 / 20): each bin's mean has an interval, inside [0, 1] and around the mean.
        for (int b = 0; b < line.X.Length; b++)
        {
            Assert.InRange(line.X[b], 0, 0.6);
            Assert.True(line.Low[b] >= 0 && line.Low[b] <= line.Mean[b] && line.Mean[b] <= line.High[b] && line.High[b] <= 1,
                $"bin {b}: {line.Low[b]} <= {line.Mean[b]} <= {line.High[b]}");
        }
    }
}
