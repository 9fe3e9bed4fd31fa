using TrustSim.Core;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

/// <summary>Issue 14, items 18 and 19: a calendar past 9999-12-31 and distributions whose draws can be non-finite are refused, located.</summary>
public sealed partial class ScenarioLoaderTests
{
    private const string TooLarge = "must lie within ±1000000000000 so that every draw is a finite number";

    [Theory]
    [InlineData("users: { concern: { kind: constant, value: 1e300 } }", "users.concern.value = 1E+300 is too large for a constant distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: uniform, min: -1e308, max: 1e308 } }", "users.concern.min = -1E+308 is too large for a uniform distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: uniform, min: 0, max: 1e13 } }", "users.concern.max = 10000000000000 is too large for a uniform distribution: its numbers " + TooLarge)]
    [InlineData("users: { trust_offset: { kind: normal, mean: 0, sd: 1e300 } }", "users.trust_offset.sd = 1E+300 is too large for a normal distribution: its numbers " + TooLarge)]
    [InlineData("users: { trust_offset: { kind: normal, mean: -1e200, sd: 1 } }", "users.trust_offset.mean = -1E+200 is too large for a normal distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: beta, alpha: 2, beta: 2, scale: 1e308 } }", "users.concern.scale = 1E+308 is too large for a beta distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: beta, alpha: 1e300, beta: 2 } }", "users.concern.alpha = 1E+300 is too large for a beta distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: beta, alpha: 2, beta: 1e-300 } }", "users.concern.beta = 1E-300 is too small: beta shapes must be at least 0.05 (smaller ones can make a draw 0/0, not a number)")]
    [InlineData("users: { concern: { kind: log_uniform, min: 1, max: 1e308 } }", "users.concern.max = 1E+308 is too large for a log_uniform distribution: its numbers " + TooLarge)]
    [InlineData("users: { concern: { kind: log_uniform, min: 1e-300, max: 1 } }", "users.concern.min = 1E-300 is too small for a log_uniform distribution: min must be at least 1E-12 so that log(max/min), and so every draw, is finite")]
    [InlineData("scandals: { severity: { kind: uniform, min: -1e308, max: 1e308 } }", "scandals.severity.min = -1E+308 is too large for a uniform distribution: its numbers " + TooLarge)]
    [InlineData("institutions: { generated: { bank_theta: { kind: uniform, min: -1e308, max: 1e308 } } }", "institutions.generated.bank_theta.min = -1E+308 is too large for a uniform distribution: its numbers " + TooLarge)]
    [InlineData("platform: { breaches: { max_affected: 1e300 } }", "platform.breaches.max_affected = 1E+300 is too large: breach sizes are drawn log-uniformly and must lie within 1000000000000 so that every draw is a finite number")]
    public void Load_DistributionWithNonFiniteDraws_IsRefusedAtTheKey(string yaml, string message)
    {
        var problem = Assert.Single(Problems("name: x\n" + yaml + "\n"));

        Assert.Equal(message, problem.Message);
        Assert.Equal(2, problem.Line);
        var key = message[..message.IndexOf(" = ", StringComparison.Ordinal)].Split('.')[^1] + ": ";
        Assert.Equal(yaml.IndexOf(key, StringComparison.Ordinal) + key.Length + 1, problem.Column);
    }

    // At the edges the checks allow, a million draws of every family are finite.
    [Theory]
    [InlineData("{ kind: constant, value: -1e12 }")]
    [InlineData("{ kind: uniform, min: -1e12, max: 1e12 }")]
    [InlineData("{ kind: normal, mean: -1e12, sd: 1e12 }")]
    [InlineData("{ kind: beta, alpha: 0.05, beta: 0.05, scale: 1e12 }")]
    [InlineData("{ kind: beta, alpha: 1e12, beta: 0.05, scale: 1e12 }")]
    [InlineData("{ kind: log_uniform, min: 1e-12, max: 1e12 }")]
    public void Draw_AtTheAllowedEdges_IsAlwaysFinite(string distribution)
    {
        var concern = LoadOk($"name: x\nusers: {{ concern: {distribution} }}\n").Users.Concern;
        var rng = new RandomStream(14);
        for (var i = 0; i < 1_000_000; i++)
        {
            var x = Sampling.Draw(concern, rng);
            Assert.True(double.IsFinite(x) && float.IsFinite((float)x), $"draw {i}: {x}");
        }
    }

    [Theory]
    [InlineData("time: { start: 9999-06-01 }", 2, 16, "time.start = 9999-06-01 with 260 weekly steps")]
    [InlineData("time: { step: month, steps: 100000 }", 2, 29, "time.start = 2016-04-11 with 100000 monthly steps")]
    [InlineData("time: { start: 9999-01-01, step: month, steps: 12 }", 2, 16, "time.start = 9999-01-01 with 12 monthly steps")]
    public void Load_CalendarPast9999_IsRefusedOnTime(string yaml, int line, int column, string start)
    {
        var problem = Assert.Single(Problems("name: x\n" + yaml + "\n"));

        Assert.Equal($"{start}: the last step's date would pass 9999-12-31, the last date the calendar holds; start earlier or take fewer steps", problem.Message);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_CalendarPast9999WithScheduledDates_ReportsOnlyTheCalendar()
    {
        var problems = Problems("name: x\ntime: { start: 9999-06-01 }\nshocks: [{ date: 9999-12-30, severity: 0.5 }]\ninterventions: [{ date: 9999-07-01 }]\n");

        Assert.Contains("the last step's date would pass 9999-12-31", Assert.Single(problems).Message);
    }

    [Fact]
    public void Load_CalendarEndingOn9999_IsAccepted()
    {
        // 9999-01-11 + 11 months is 9999-12-11, in the last month the calendar holds.
        var scenario = LoadOk("name: x\ntime: { start: 9999-01-11, step: month, steps: 11 }\nshocks: [{ date: 9999-12-01, severity: 0.5 }]\n");

        Assert.Equal(new DateOnly(9999, 12, 11), ScenarioSchedule.LastDate(scenario.Time));
        Assert.Equal(11, ScenarioSchedule.StepOf(scenario, scenario.Shocks[0]));
    }

    [Fact]
    public void StepOf_DatePastTheCalendar_DoesNotThrow()
    {
        var time = new TimeSettings { Start = new DateOnly(9999, 1, 1), Step = StepUnit.Month, Steps = 5 };

        Assert.Equal(12, ScenarioSchedule.StepOf(time, new DateOnly(9999, 12, 31)));
    }
}
