using System.Globalization;

namespace TrustSim.Tests.Cli;

public sealed class ThresholdCommandTests
{
    private static readonly string Baseline = Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml");

    /// <summary>
    /// One misuse shock of severity 1 and weight 1 with breaches and scandals off: reputation sits at 0.79 until the
    /// shock, then drops to 0.79 exp(-beta), its minimum, so min_reputation = 0.4 at beta = ln(0.79 / 0.4).
    /// </summary>
    private static string Synthetic(string folder, string sweepBody)
    {
        string path = Path.Combine(folder, "synthetic.yaml");
        File.WriteAllText(path, $$"""
            extends: {{Baseline}}
            name: synthetic-threshold
            users: { count: 300 }
            time: { steps: 12 }
            platform: { breaches: { hazard: 0 } }
            shocks:
              - step: 5
                type: misuse
                severity: 1
                weight: 1
            sweep:
              design: threshold
              replications: 2
            {{sweepBody}}
            """);
        return path;
    }

    private const string Search = """
          threshold: { metric: min_reputation, level: 0.4, tolerance: 0.001, max_evaluations: 20 }
          parameters:
            - path: platform.sensitivity
              min: 0
              max: 3
        """;

    [Fact]
    public void Sweep_MonotoneSyntheticCase_FindsTheClosedFormCrossing()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "t");
        var outcome = CliRunner.Run("sweep", Synthetic(root, Search), "--out", folder, "--workers", "2");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        var threshold = double.Parse(System.Text.RegularExpressions.Regex.Match(manifest, "\"threshold\": ([0-9.eE+-]+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        // Bracket narrower than 0.001 and a linear interpolation of a smooth curve inside it.
        Assert.Equal(Math.Log(0.79 / 0.4), threshold, 3);
        var rows = File.ReadAllLines(Path.Combine(folder, "threshold.csv"));
        Assert.Equal("evaluation,value,mean,ci_low,ci_high,n", rows[0]);
        Assert.StartsWith("0,0,0.79,", rows[1]);
        Assert.StartsWith("1,3,", rows[2]);
        Assert.Equal(2 * (rows.Length - 1) + 1, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        Assert.True(File.Exists(Path.Combine(folder, "charts", "threshold-min_reputation.png")));
        Assert.Contains("crosses 0.4 at platform.sensitivity = 0.68", outcome.Out);
    }

    [Fact]
    public void Sweep_SameSearchTwice_ThresholdCsvIsByteIdentical()
    {
        string root = CliRunner.TempFolder();
        string scenario = Synthetic(root, Search.Replace("level: 0.4", "level: 0.5", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "a"), "--workers", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "b"), "--workers", "2").ExitCode);
        foreach (var f in new[] { "threshold.csv", "runs.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", f)), File.ReadAllBytes(Path.Combine(root, "b", f)));
    }

    [Fact]
    public void Sweep_LevelNotBracketed_SaysSoAndEstimatesNothing()
    {
        string root = CliRunner.TempFolder();
        var outcome = CliRunner.Run("sweep", Synthetic(root, Search.Replace("level: 0.4", "level: 0.9", StringComparison.Ordinal)),
            "--out", Path.Combine(root, "t"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("not bracketed", outcome.Error);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(root, "t", "threshold.csv")).Length);
    }

    [Fact]
    public void Sweep_ShippedSeverityThreshold_BracketsTheLevelAndChartsIt()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "t");
        var outcome = CliRunner.Run("sweep", Path.Combine(Paths.RepositoryRoot(), "scenarios", "scandal-severity-threshold.yaml"),
            "--set", "users.count=500", "--set", "sweep.replications=4", "--out", folder);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("Threshold: min_reputation mean crosses 0.2 at shocks.0.severity = 0.", outcome.Out);
        Assert.Contains("\"bracketed\": true", File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(folder, "charts", "threshold-min_reputation.png")));
    }

    [Theory]
    [InlineData("metric: min_reputation", "metric: min_reputatoin", "unknown summary metric 'min_reputatoin'")]
    [InlineData("min: 0\n      max: 3", "min: 3\n      max: 0", "must be below max")]
    [InlineData("max: 3", "max: 3\n    - path: platform.scar\n      min: 0\n      max: 1", "exactly one parameter, got 2")]
    public void Sweep_BadThresholdSection_ExitsTwoWithALocatedProblem(string from, string to, string message)
    {
        string root = CliRunner.TempFolder();
        string scenario = Synthetic(root, Search.Replace(from, to, StringComparison.Ordinal));
        var outcome = CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "t"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Matches(@"synthetic\.yaml:\d+:\d+: ", outcome.Error);
    }

    [Fact]
    public void Sweep_SearchedValueOutsideTheKeysRange_StopsWithExitTwoAndTheLocatedProblem()
    {
        string root = CliRunner.TempFolder();
        string scenario = Synthetic(root, Search.Replace("path: platform.sensitivity", "path: platform.scar", StringComparison.Ordinal));

        var outcome = CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "t"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("platform.scar = 3 is outside [0, 1]", outcome.Error);
        Assert.Contains("evaluation 0: platform.scar = 0", outcome.Out);
    }

    [Fact]
    public void Sweep_ForceOverAnEarlierSearch_ReplacesItWhole()
    {
        // A search keeps no journal: it is built beside the folder and swapped in, as a run is.
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "t");
        string scenario = Synthetic(root, Search);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", folder, "--workers", "2").ExitCode);
        File.WriteAllText(Path.Combine(folder, "charts", "stale.png"), "old");

        var again = CliRunner.Run("sweep", scenario, "--out", folder, "--workers", "2", "--force");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"Data: threshold.csv, runs.csv in {folder};", again.Out);
        Assert.False(File.Exists(Path.Combine(folder, "charts", "stale.png")));
        Assert.Contains("\"status\": \"completed\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);
        Assert.Equal([".t.trustsim.lock", "synthetic.yaml", "t"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
