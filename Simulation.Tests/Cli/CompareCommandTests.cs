using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Reports;

namespace TrustSim.Tests.Cli;

public sealed class CompareCommandTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    private static Dictionary<string, string> Row(string folder, string metric, int side) =>
        CompareFolder.ReadTable(Path.Combine(folder, "comparison.csv")).Where(r => r["metric"] == metric).ElementAt(side);

    [Fact]
    public void Compare_TwoIdenticalScenarios_EveryDifferenceIsExactlyZero()
    {
        string root = CliRunner.TempFolder();
        string a = Path.Combine(Scenarios, "cambridge-analytica.yaml");
        string folder = Path.Combine(root, "c");
        var outcome = CliRunner.Run("compare", a, a, "--set", "users.count=300", "--set", "time.steps=175", "--set", "replications=3", "--out", folder);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var rows = CompareFolder.ReadTable(Path.Combine(folder, "comparison.csv")).Where(r => r["difference"].Length > 0).ToList();
        // One row with a difference per summary metric: side 2 against side 1.
        Assert.Equal(SummaryMetrics.Columns.Count, rows.Count);
        foreach (var r in rows)
        {
            // Same seeds on both sides: paired differences, each exactly zero, so the CI [0, 0] contains zero.
            Assert.Equal(("0", "0", "0", "paired_t"), (r["difference"], r["difference_ci_low"], r["difference_ci_high"], r["test"]));
        }
        Assert.Contains("cambridge-analytica (2)", outcome.Out);
        Assert.Contains("paired t", outcome.Out);
        // The table and its notes fit a 100-column terminal (the "Running" lines name whole paths).
        var printed = outcome.Out.Split('\n').Where(l => !l.StartsWith("Running ", StringComparison.Ordinal) && !l.StartsWith("Written to ", StringComparison.Ordinal)).ToList();
        Assert.Contains(printed, l => l.StartsWith("metric ", StringComparison.Ordinal));
        Assert.All(printed, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.Contains("\"pairing\": \"paired\"", manifest);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Length);
    }

    [Fact]
    public void Compare_CambridgeAnalyticaAgainstLimitedPolicy_ReportsTheFullPartnerDropWithItsCi()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "c");
        var outcome = CliRunner.Run("compare", Path.Combine(Scenarios, "cambridge-analytica.yaml"), Path.Combine(Scenarios, "limited-partnership-policy.yaml"),
            "--set", "users.count=500", "--set", "replications=4", "--out", folder);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var full = Row(folder, "final_partners_full", 1);
        // Only Limited is offered under the policy, so no institution is in Full: the difference is minus side 1's share.
        Assert.Equal("0", full["mean"]);
        double diff = CsvFile.Number(full["difference"]);
        Assert.Equal(-CsvFile.Number(Row(folder, "final_partners_full", 0)["mean"]), diff, 12);
        Assert.True(CsvFile.Number(full["difference_ci_high"]) < 0, "the drop in Full is significant at this size");
        Assert.True(CsvFile.Number(full["p_value"]) < 0.05);
        var limited = Row(folder, "final_partners_limited", 1);
        Assert.True(CsvFile.Number(limited["difference_ci_low"]) > 0, "institutions are retained in Limited");
    }

    [Fact]
    public void Plot_ComparisonFolder_RedrawsItsCharts()
    {
        string root = CliRunner.TempFolder();
        string a = Path.Combine(Scenarios, "baseline.yaml");
        string folder = Path.Combine(root, "c");
        Assert.Equal(0, CliRunner.Run("compare", a, a, "--set", "users.count=200", "--set", "time.steps=20", "--set", "replications=2", "--out", folder).ExitCode);
        Directory.Delete(Path.Combine(folder, "charts"), true);
        var plot = CliRunner.Run("plot", folder);
        Assert.True(plot.ExitCode == 0, plot.Error);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Length);
    }

    private static string TinyGrid(string root)
    {
        string scenario = Path.Combine(root, "grid.yaml");
        File.WriteAllText(scenario, $$"""
            extends: {{Path.Combine(Scenarios, "repeated-scandals.yaml")}}
            name: tiny-grid
            users: { count: 200 }
            time: { steps: 20 }
            sweep:
              design: grid
              replications: 3
              metrics: [final_reputation, final_partners_full]
              parameters:
                - path: platform.scar
                  values: [0, 0.6]
                - path: scandals.rate
                  values: [2, 6]
            """);
        return scenario;
    }

    [Fact]
    public void Compare_SweepVariantWithTheSameSeed_PairsEveryPointAndNamesSidesByTheDifference()
    {
        string root = CliRunner.TempFolder();
        string scenario = TinyGrid(root);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "a")).ExitCode);
        // platform.scar is swept on both sides, so its base value is no difference; sensitivity is.
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--set", "platform.sensitivity=4", "--set", "platform.scar=0.1", "--out", Path.Combine(root, "b")).ExitCode);
        var outcome = CliRunner.Run("compare", Path.Combine(root, "a"), Path.Combine(root, "b"), "--out", Path.Combine(root, "c"));
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var rows = CompareFolder.ReadTable(Path.Combine(root, "c", "comparison.csv"));
        // 2 metrics x 2 sides x 4 points; the second side's rows carry a paired difference at the matching point.
        Assert.Equal(16, rows.Count);
        Assert.Equal(8, rows.Count(r => r["test"] == "paired_t"));
        Assert.Equal(["platform.sensitivity=2.4", "platform.sensitivity=4"], rows.Select(r => r["side"]).Distinct());
        Assert.Contains(rows, r => r["point"] == "platform.scar=0.6;scandals.rate=6" && r["side"] == "platform.sensitivity=4");
        string charts = Path.Combine(root, "c", "charts");
        Assert.Equal(2, Directory.GetFiles(charts, "compare-*-vs-platform_scar.png").Length);
        Assert.Equal(2, Directory.GetFiles(charts, "difference-*-vs-scandals_rate.png").Length);
        Assert.Equal(8, Directory.GetFiles(charts, "*.png").Length);
        // The note under the table wraps at 100 columns: read it as one paragraph.
        Assert.Contains("paired t over replications at all 4 shared design points", outcome.Out.Replace('\n', ' '));
        Assert.Contains("\"pairing\": \"paired\"", File.ReadAllText(Path.Combine(root, "c", "manifest.json")));
    }

    [Fact]
    public void Compare_SweepsWithDifferentSeeds_WelchAtEveryPoint()
    {
        string root = CliRunner.TempFolder();
        string scenario = TinyGrid(root);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "a")).ExitCode);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--set", "seed=9", "--out", Path.Combine(root, "b")).ExitCode);
        var outcome = CliRunner.Run("compare", Path.Combine(root, "a"), Path.Combine(root, "b"), "--out", Path.Combine(root, "c"));
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var rows = CompareFolder.ReadTable(Path.Combine(root, "c", "comparison.csv"));
        Assert.Equal(8, rows.Count(r => r["test"] == "welch_t"));
        Assert.Equal(["seed=2016", "seed=9"], rows.Select(r => r["side"]).Distinct());
        Assert.Contains("Welch's t from points.csv at the 4 shared design points", outcome.Out.Replace('\n', ' '));
        Assert.Contains("\"pairing\": \"welch\"", File.ReadAllText(Path.Combine(root, "c", "manifest.json")));
        Directory.Delete(Path.Combine(root, "c", "charts"), true);
        var plot = CliRunner.Run("plot", Path.Combine(root, "c"));
        Assert.True(plot.ExitCode == 0, plot.Error);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(root, "c", "charts"), "*.png").Length);
    }

    [Fact]
    public void Compare_SweepAgainstScenario_ExitsTwo()
    {
        string root = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(root, "s"));
        File.WriteAllText(Path.Combine(root, "s", "points.csv"), "point\n");
        File.Copy(Path.Combine(Scenarios, "partnership-drivers-sobol.yaml"), Path.Combine(root, "s", "scenario.yaml"));
        var outcome = CliRunner.Run("compare", Path.Combine(root, "s"), Path.Combine(Scenarios, "baseline.yaml"), "--out", Path.Combine(root, "c"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("got a mix", outcome.Error);
    }

    [Fact]
    public void Compare_MissingSide_ExitsTwo()
    {
        string root = CliRunner.TempFolder();
        var outcome = CliRunner.Run("compare", Path.Combine(Scenarios, "baseline.yaml"), Path.Combine(root, "nope.yaml"), "--out", Path.Combine(root, "c"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("nope.yaml: no such scenario file or folder", outcome.Error);
    }

    [Fact]
    public void Compare_OneSide_ExitsTwo()
    {
        var outcome = CliRunner.Run("compare", Path.Combine(Scenarios, "baseline.yaml"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("at least two sides", outcome.Error);
    }

    [Fact]
    public void Compare_ScenarioWithAProblem_ExitsTwoWithItsLocation()
    {
        string root = CliRunner.TempFolder();
        string bad = Path.Combine(root, "bad.yaml");
        File.WriteAllText(bad, $"extends: {Path.Combine(Scenarios, "baseline.yaml")}\nplatform: {{ scar: 7 }}\n");
        var outcome = CliRunner.Run("compare", Path.Combine(Scenarios, "baseline.yaml"), bad, "--set", "users.count=100", "--set", "time.steps=5",
            "--out", Path.Combine(root, "c"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Matches(@"bad\.yaml:2:\d+: ", outcome.Error);
    }

    [Fact]
    public void Compare_OutIsOneOfTheSidesEvenWithForce_ExitsTwoAndKeepsItsManifest()
    {
        string root = CliRunner.TempFolder();
        string a = Path.Combine(root, "a");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Scenarios, "baseline.yaml"), "--out", a, "--set", "users.count=200", "--set", "time.steps=5").ExitCode);
        var manifest = File.ReadAllBytes(Path.Combine(a, "manifest.json"));

        var outcome = CliRunner.Run("compare", a, a, "--out", a, "--force");
        var inside = CliRunner.Run("compare", a, a, "--out", Path.Combine(a, "comparison"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"trustsim: {a}: is, holds or lies inside {a}, an input of this command", outcome.Error);
        Assert.Equal(2, inside.ExitCode);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(a, "manifest.json")));
        Assert.False(Directory.Exists(Path.Combine(a, "comparison")));
    }

    [Fact]
    public void Compare_ForceOverAnEarlierComparison_ReplacesIt()
    {
        string root = CliRunner.TempFolder();
        string a = Path.Combine(Scenarios, "baseline.yaml");
        string folder = Path.Combine(root, "c");
        string[] args = ["compare", a, a, "--set", "users.count=200", "--set", "time.steps=5", "--set", "replications=2", "--out", folder];
        Assert.Equal(0, CliRunner.Run(args).ExitCode);

        var again = CliRunner.Run([.. args, "--force"]);
        var run = CliRunner.Run("run", a, "--out", folder, "--force", "--set", "users.count=200", "--set", "time.steps=5");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"Written to {folder}: comparison.csv", again.Out);
        Assert.True(File.Exists(Path.Combine(folder, "comparison.csv")));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"trustsim: {folder}: is a comparison folder (manifest.json), not a run folder", run.Error);
    }

    [Fact]
    public void Compare_SidesEndingOnDifferentDates_SaysSoOnTheConsoleInTheManifestAndOnThePage()
    {
        var dir = Path.Combine(CliRunner.TempFolder(), "cmp");
        var scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml");
        var shorter = Path.Combine(CliRunner.TempFolder(), "shorter.yaml");
        File.WriteAllText(shorter, $"extends: {scenario}\nname: shorter\ntime:\n  steps: 40\n");

        var result = CliRunner.Run(["compare", scenario, shorter, "--out", dir, "--set", "users.count=500", "--set", "replications=3"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("the sides cover different dates", result.Error);
        Assert.Contains("40 steps", result.Error);
        Assert.Contains("the sides cover different dates", File.ReadAllText(Path.Combine(dir, "manifest.json")));
        // The page shows it among its warnings.
        string page = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Matches("<section id=\"warnings\" class=\"warnings\"><h2>Warning</h2>\n<ul>\n<li>[^<]*the sides cover different dates", page);
    }
}
