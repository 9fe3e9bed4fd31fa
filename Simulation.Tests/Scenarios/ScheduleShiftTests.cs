using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScheduleShiftTests
{
    private static string Shipped(string name) => Path.Combine(Paths.RepositoryRoot(), "scenarios", name);

    [Fact]
    public void Load_ShiftOnWeeklySteps_MovesStepAndDatedEventsByWholeWeeks()
    {
        var original = ScenarioLoader.Load(Shipped("cambridge-analytica.yaml")).Scenario!;
        var result = ScenarioLoader.Load(Shipped("cambridge-analytica.yaml"), ["time.shift=52"]);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var shifted = result.Scenario!;
        Assert.Equal(0, shifted.Time.Shift);
        Assert.Equal(ScenarioSchedule.ShockSteps(original).Select(s => s + 52), ScenarioSchedule.ShockSteps(shifted));
        Assert.Equal(ScenarioSchedule.InterventionSteps(original).Select(s => s + 52), ScenarioSchedule.InterventionSteps(shifted));
        Assert.Equal(new DateOnly(2019, 3, 16), shifted.Shocks[0].Date); // 2018-03-17 plus 52 weeks
        Assert.Equal(156, shifted.Shocks[1].Step);                         // the hearings, step 104 plus 52
    }

    [Fact]
    public void Load_ShiftedScenarioWrittenAndReadBack_SameEventsNotMovedTwice()
    {
        var shifted = ScenarioLoader.Load(Shipped("cambridge-analytica.yaml"), ["time.shift=-20"]).Scenario!;

        var again = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(shifted), "scenario.yaml");

        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal(ScenarioSchedule.ShockSteps(shifted), ScenarioSchedule.ShockSteps(again.Scenario!));
    }

    [Fact]
    public void Load_ShiftOnMonthlySteps_MovesDatedEventsByMonths()
    {
        var result = ScenarioLoader.LoadText("""
            name: monthly
            time: { step: month, start: 2016-04-01, steps: 60 }
            shocks:
              - { date: 2018-03-17, type: misuse, affected: 87000000 }
              - { step: 30, type: hack, severity: 0.3 }
            """, "monthly.yaml", ["time.shift=3"]);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(new DateOnly(2018, 6, 17), result.Scenario!.Shocks[0].Date);
        Assert.Equal(33, result.Scenario.Shocks[1].Step);
    }

    [Theory]
    [InlineData("time.shift=-120", "time.shift = -120 moves shocks.0 (Cambridge Analytica) from 2018-03-17 to 2015-11-28, outside the run")]
    [InlineData("time.shift=200", "time.shift = 200 moves shocks.1 (Hearings) from step 104 to step 304, outside the run's steps 0 to 260")]
    public void Load_ShiftMovingAnEventOutOfTheRun_ProblemNamingTheEvent(string set, string message)
    {
        var result = ScenarioLoader.Load(Shipped("cambridge-analytica.yaml"), [set]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }
}
