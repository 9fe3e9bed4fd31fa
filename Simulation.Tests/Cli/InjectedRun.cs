namespace TrustSim.Tests.Cli;

/// <summary>
/// A small run whose scenario carries markup in every free-text place a page can show: its description, a shock's
/// label and an institution's name (all in scenario.yaml, the description also in the page's head, the label on
/// the charts). Its report.html must show them as text and run nothing.
/// </summary>
internal static class InjectedRun
{
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "<img src=x onerror=alert(1)>";
    public const string Breakout = "</code></pre><script>alert(2)</script>";

    /// <summary>Makes the run in a new temporary folder and returns the run folder.</summary>
    public static string Make()
    {
        string root = TempFolder.Create();
        string scenario = Path.Combine(root, "injected.yaml");
        string scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
        File.WriteAllText(scenario, $$"""
            extends: {{Path.Combine(scenarios, "baseline.yaml")}}
            name: injected
            description: '{{Script}} and {{Image}}'
            shocks:
              - { date: 2016-05-02, type: misuse, severity: 0.3, label: '{{Breakout}}' }
            institutions:
              named:
                - { name: '{{Image}}', type: bank, size: 1.0, theta: 4.2, rho: 1.4, mode: none }
                - { name: PayPal, type: payment, size: 0.6, theta: 0.3, rho: 0.4, mode: full }

            """);
        string run = Path.Combine(root, "run");
        var outcome = CliRunner.Run("run", scenario, "--out", run, "--replications", "1", "--set", "users.count=200", "--set", "time.steps=20");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return run;
    }
}
