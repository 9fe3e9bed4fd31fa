using TrustSim.Scenarios;

namespace TrustSim.Tests.Cli;

public sealed class RunQuickLookTests
{
    private static readonly string Ca = Path.Combine(Paths.RepositoryRoot(), "scenarios", "cambridge-analytica.yaml");

    [Fact]
    public void Run_StepsShorterThanTheSchedule_RunsTheFirstStepsAndNamesTheEventsLeftOut()
    {
        var folder = Path.Combine(CliRunner.TempFolder(), "quick");

        var outcome = CliRunner.Run("run", Ca, "--steps", "110", "--set", "users.count=500", "--replications", "2", "--out", folder);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("trustsim: note: --steps 110: a quick look at steps 0-110 of 260; left out 4 scheduled events after step 110: "
            + "shocks.3 'View As hack' (step 128, 2018-09-24); interventions.0 'ICO fine' (step 133, 2018-10-29)", outcome.Error);
        var written = ScenarioLoader.Load(Path.Combine(folder, "scenario.yaml"));
        Assert.True(written.Succeeded, string.Join("\n", written.Problems));
        Assert.Equal(110, written.Scenario!.Time.Steps);
        Assert.Equal(3, written.Scenario.Shocks.Count);
        Assert.Empty(written.Scenario.Interventions);
        Assert.Contains("left out 4 scheduled events", File.ReadAllText(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public void Run_StepsLongerThanTheScenario_ExitsTwoSayingHowToLengthen()
    {
        var outcome = CliRunner.Run("run", Ca, "--steps", "300", "--out", Path.Combine(CliRunner.TempFolder(), "long"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--steps 300 is longer than the scenario's 260 steps", outcome.Error);
        Assert.Contains("--set time.steps=300", outcome.Error);
    }
}
