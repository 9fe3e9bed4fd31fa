using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScenarioScheduleTests
{
    private static readonly TimeSettings Weekly = new() { Start = new DateOnly(2016, 4, 11), Steps = 260 };
    private static readonly TimeSettings Monthly = new() { Step = StepUnit.Month, Start = new DateOnly(2016, 1, 31), Steps = 60 };

    [Theory]
    [InlineData(2016, 4, 11, 0)]
    [InlineData(2016, 4, 12, 1)]
    [InlineData(2016, 4, 18, 1)]
    [InlineData(2016, 4, 19, 2)]
    [InlineData(2018, 3, 17, 101)]
    [InlineData(2015, 1, 1, 0)]
    public void StepOf_Weekly_GivesFirstStepOnOrAfter(int year, int month, int day, int step)
    {
        Assert.Equal(step, ScenarioSchedule.StepOf(Weekly, new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2016, 1, 31, 0)]
    [InlineData(2016, 2, 29, 1)] // Jan 31 + 1 month is clipped to Feb 29
    [InlineData(2016, 3, 1, 2)]
    [InlineData(2016, 3, 31, 2)]
    [InlineData(2017, 1, 31, 12)]
    public void StepOf_Monthly_GivesFirstStepOnOrAfter(int year, int month, int day, int step)
    {
        Assert.Equal(step, ScenarioSchedule.StepOf(Monthly, new DateOnly(year, month, day)));
    }

    [Fact]
    public void StepOf_EveryStepDate_RoundTrips()
    {
        for (var t = 0; t <= Monthly.Steps; t++)
            Assert.Equal(t, ScenarioSchedule.StepOf(Monthly, ScenarioSchedule.DateOf(Monthly, t)));
        for (var t = 0; t <= Weekly.Steps; t++)
            Assert.Equal(t, ScenarioSchedule.StepOf(Weekly, ScenarioSchedule.DateOf(Weekly, t)));
    }

    [Fact]
    public void LastDate_DefaultRun_IsStep260()
    {
        Assert.Equal(new DateOnly(2021, 4, 5), ScenarioSchedule.LastDate(new TimeSettings()));
    }

    [Fact]
    public void ShockSteps_MixedStepAndDate_ConvertsDates()
    {
        var scenario = ScenarioLoader.LoadText("""
            name: x
            shocks:
              - { date: 2018-03-17, severity: 0.5 }
              - { step: 128, affected: 3e7 }
            interventions:
              - { date: 2019-07-24, type: fine, amount: 5e9 }
            """).Scenario!;

        Assert.Equal([101, 128], ScenarioSchedule.ShockSteps(scenario));
        Assert.Equal([172], ScenarioSchedule.InterventionSteps(scenario));
        Assert.Equal(101, ScenarioLoader.StepOf(scenario, new DateOnly(2018, 3, 17)));
    }
}
