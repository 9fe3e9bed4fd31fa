using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed partial class ScenarioLoaderTests
{
    [Theory]
    [InlineData("shocks: [{ step: 3, date: 2017-01-02, severity: 0.5 }]", 2, "shocks.0: give either step or date, not both")]
    [InlineData("shocks: [{ severity: 0.5 }]", 2, "shocks.0: a shock needs a step or a date")]
    [InlineData("shocks: [{ step: 3, severity: 0.5, affected: 1e6 }]", 2, "shocks.0: give either affected or severity, not both")]
    [InlineData("shocks: [{ step: 3 }]", 2, "shocks.0: a shock needs affected (people) or severity (0 to 1)")]
    [InlineData("shocks: [{ step: 3, type: commitment, affected: 5 }]", 2, "shocks.0: a commitment takes severity, not affected (it harms no one)")]
    [InlineData("shocks: [{ step: 300, severity: 0.5 }]", 2, "shocks.0.step = 300 is after the run's last step (260)")]
    [InlineData("shocks: [{ date: 2031-01-01, severity: 0.5 }]", 2, "shock at 2031-01-01 is after the run's last step (2021-04-05)")]
    [InlineData("interventions: [{ date: 2015-01-01 }]", 2, "intervention at 2015-01-01 is before the run's start (2016-04-11)")]
    [InlineData("interventions: [{ type: fine }]", 2, "interventions.0: an intervention needs a step or a date")]
    [InlineData("platform: { fast_share: 0.7, scar: 0.4 }", 2, "platform.fast_share + platform.scar = 1.1 exceeds 1 (a drop cannot be split into more than all of it)")]
    [InlineData("platform:\n  breaches: { min_affected: 1e9, max_affected: 1e8 }", 3, "platform.breaches.min_affected (1000000000) is larger than max_affected (100000000)")]
    [InlineData("users: { concern: { kind: uniform, min: 2, max: 1 } }", 2, "users.concern: min (2) is larger than max (1)")]
    [InlineData("users: { concern: { kind: log_uniform, min: 0, max: 1 } }", 2, "users.concern: a log_uniform distribution needs min > 0, got 0")]
    [InlineData("users: { network: { degree: 7 } }", 2, "users.network.degree must be even (each user links to degree/2 neighbours on either side), got 7")]
    [InlineData("users: { count: 8, influence: network }", 2, "users.network.degree (8) must be less than users.count (8)")]
    [InlineData("institutions: { generated: { banks: 0, payments: 0 } }", 2, "the scenario has no institutions: give institutions.generated.banks, .payments or institutions.named")]
    [InlineData("institutions: { named: [{ name: A }, { name: A }] }", 2, "institution name 'A' is used twice; names must be unique")]
    [InlineData("institutions: { named: [{ type: bank }] }", 2, "a named institution needs a name")]
    [InlineData("scandals: { mix: { misuse: -1, hack: 0.5 } }", 2, "scandals.mix.misuse = -1 is negative; weights must be 0 or more")]
    [InlineData("scandals: { mix: { misuse: 0 } }", 2, "scandals.mix needs at least one positive weight")]
    [InlineData("modes: { offered: [full, full] }", 2, "modes.offered lists 'full' twice")]
    public void Load_CrossFieldMistake_ReportsProblem(string yaml, int line, string message)
    {
        var problem = Assert.Single(Problems("name: x\n" + yaml + "\n"));

        Assert.Equal(message, problem.Message);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void Load_DateProblem_PointsAtDateValue()
    {
        var problem = Assert.Single(Problems("name: x\nshocks:\n  - type: hack\n    date: 2031-01-01\n    affected: 5e7\n"));

        Assert.Equal((4, 11), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_CommitmentWithSeverity_Accepted()
    {
        var scenario = LoadOk("name: x\nshocks: [{ step: 3, type: commitment, severity: 0.4, safeguards: 0.2 }]\n");

        Assert.Equal(ShockType.Commitment, scenario.Shocks[0].Type);
    }

    [Fact]
    public void Load_BadValue_DoesNotAlsoFailCrossCheckWithItsDefault()
    {
        // time.steps fails to read; the date check must not judge the shock against the default 260 steps.
        var problem = Assert.Single(Problems("name: x\ntime: { steps: lots }\nshocks: [{ date: 2025-01-01, severity: 0.5 }]\n"));

        Assert.Equal("time.steps: expected a whole number, got 'lots'", problem.Message);
    }

    [Fact]
    public void Load_NamedInstitutionsOnly_CountAsInstitutions()
    {
        var scenario = LoadOk("name: x\ninstitutions:\n  generated: { banks: 0, payments: 0 }\n  named: [{ name: Citi }]\n");

        Assert.Equal("Citi", Assert.Single(scenario.Institutions.Named).Name);
    }
}
