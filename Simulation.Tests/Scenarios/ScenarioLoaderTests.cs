using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

public sealed partial class ScenarioLoaderTests
{
    private static Scenario LoadOk(string yaml, params string[] overrides)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", overrides);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Scenario!;
    }

    private static IReadOnlyList<ScenarioProblem> Problems(string yaml, params string[] overrides)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", overrides);
        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        return result.Problems;
    }

    [Fact]
    public void LoadText_OnlyName_GivesDefaults()
    {
        var scenario = LoadOk("name: baseline\n");

        Assert.Equal("baseline", scenario.Name);
        Assert.Equal(0.79, scenario.Platform.Reputation);
        Assert.Equal(260, scenario.Time.Steps);
        Assert.Equal(0.3, scenario.Scandals.Mix[ShockType.Misuse]);
    }

    [Fact]
    public void LoadText_NestedValues_MapOntoRecords()
    {
        var scenario = LoadOk("""
            name: cambridge-analytica
            seed: 42
            time: { step: month, start: 2016-01-01, steps: 60 }
            platform:
              salience_exponent: 0.3
              breaches: { min_affected: 2e6 }
            users:
              count: 500
              concern: { kind: log_uniform, min: 0.1, max: 2 }
              influence: network
              network: { degree: 4 }
            modes:
              offered: [limited]
              full: { cost: 0.9 }
            institutions:
              named:
                - { name: AmEx, type: payment, mode: limited }
            shocks:
              - { date: 2018-03-17, type: misuse, affected: 87e6, label: CA }
            interventions:
              - { step: 40, type: mandate_safeguards, safeguards: 0.3 }
            scandals:
              rate: 2
              mix: { hack: 1 }
            """);

        Assert.Equal(42UL, scenario.Seed);
        Assert.Equal(StepUnit.Month, scenario.Time.Step);
        Assert.Equal(0.3, scenario.Platform.SalienceExponent);
        Assert.Equal(2e6, scenario.Platform.Breaches.MinAffected);
        Assert.Equal(1e8, scenario.Platform.Breaches.MaxAffected);
        Assert.Equal(DistributionKind.LogUniform, scenario.Users.Concern.Kind);
        Assert.Equal(InfluenceKind.Network, scenario.Users.Influence);
        Assert.Equal([PartnershipMode.Limited], scenario.Modes.Offered);
        Assert.Equal(0.9, scenario.Modes.Full.Cost);
        Assert.Equal(1.0, scenario.Modes.Full.Exposure); // the record default for full, not ModeParameters' 0
        Assert.Equal(InstitutionType.Payment, scenario.Institutions.Named[0].Type);
        Assert.Equal(3.75, scenario.Institutions.Named[0].Theta);
        Assert.Equal(new DateOnly(2018, 3, 17), scenario.Shocks[0].Date);
        Assert.Null(scenario.Shocks[0].Step);
        Assert.Equal(87e6, scenario.Shocks[0].Affected);
        Assert.Equal(InterventionType.MandateSafeguards, scenario.Interventions[0].Type);
        Assert.Equal(new Dictionary<ShockType, double> { [ShockType.Hack] = 1 }, scenario.Scandals.Mix);
    }

    [Fact]
    public void Load_ThreeMistakes_ReportsThreeLocatedProblems()
    {
        var problems = Problems("""
            name: demo
            platform:
              scar: 1.5
              salience_exponant: 0.3
            users:
              count: many
            """);

        Assert.Equal(
            [
                "test.yaml:3:9: platform.scar = 1.5 is outside [0, 1]",
                "test.yaml:4:3: unknown key 'salience_exponant' in platform; did you mean 'salience_exponent'?",
                "test.yaml:6:10: users.count: expected a whole number, got 'many'",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_MisspeltKey_SuggestsNearestKey()
    {
        var problem = Assert.Single(Problems("name: x\nplatfrom:\n  scar: 0.1\n"));

        Assert.Equal(new ScenarioProblem("test.yaml", 2, 1, "unknown key 'platfrom'; did you mean 'platform'?"), problem);
    }

    [Fact]
    public void Load_UnrelatedKey_ListsValidKeys()
    {
        var problem = Assert.Single(Problems("name: x\ntime:\n  colour: red\n"));

        Assert.Equal("unknown key 'colour' in time; valid keys: step, start, steps, shift", problem.Message);
    }

    [Fact]
    public void Load_CamelCaseKey_SuggestsSnakeCase()
    {
        var problem = Assert.Single(Problems("name: x\nplatform:\n  fastShare: 0.1\n"));

        Assert.EndsWith("did you mean 'fast_share'?", problem.Message);
    }

    [Fact]
    public void Load_MissingName_ReportsRequiredKey()
    {
        var problem = Assert.Single(Problems("seed: 3\n"));

        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.Contains("missing required key 'name'", problem.Message);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a b")]
    [InlineData("\"\"")]
    public void Load_UnsafeName_Refused(string name)
    {
        var problem = Assert.Single(Problems($"name: {name}\n"));

        Assert.Contains("letters, digits, '-' or '_'", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Load_NonFiniteNumber_Refused(string value)
    {
        var problem = Assert.Single(Problems($"name: x\nplatform:\n  sensitivity: {value}\n"));

        Assert.Equal($"platform.sensitivity: expected a finite number, got '{value}'", problem.Message);
        Assert.Equal((3, 16), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_WrongEnumValue_SuggestsNearest()
    {
        var problem = Assert.Single(Problems("name: x\ntime:\n  step: weak\n"));

        Assert.Equal("time.step: expected one of week, month, got 'weak'; did you mean 'week'?", problem.Message);
    }

    [Fact]
    public void Load_ListWhereValueExpected_ReportsShapeMismatch()
    {
        var problem = Assert.Single(Problems("name: x\nseed: [1, 2]\n"));

        Assert.Equal("test.yaml:2:7: seed: expected a whole number, got a list", problem.ToString());
    }

    [Fact]
    public void Load_DuplicateKey_ReportsSecondOccurrence()
    {
        var problem = Assert.Single(Problems("name: x\nseed: 1\nseed: 2\n"));

        Assert.Equal("test.yaml:3:1: duplicate key 'seed' (first given at line 2)", problem.ToString());
    }

    [Fact]
    public void Load_NullableValues_AcceptNull()
    {
        var scenario = LoadOk("name: x\nshocks:\n  - { step: 3, date: ~, severity: 0.5, weight: null }\n");

        Assert.Equal(3, scenario.Shocks[0].Step);
        Assert.Null(scenario.Shocks[0].Weight);
    }

    [Fact]
    public void Load_WholeNumberInExponentForm_Accepted()
    {
        Assert.Equal(1_000_000, LoadOk("name: x\nusers: { count: 1e6 }\n").Users.Count);
    }

    [Theory]
    [InlineData("seed: -1", "seed: expected a whole number of 0 or more, got '-1'")]
    [InlineData("replications: 2.5", "replications: expected a whole number, got '2.5'")]
    [InlineData("users: { count: 1e12 }", "users.count: 1e12 is too large for a whole number here")]
    [InlineData("time: { start: 2016-13-01 }", "time.start: expected a date like 2018-03-17, got '2016-13-01'")]
    [InlineData("shocks: 5", "shocks: expected a list of mappings, got '5'")]
    [InlineData("scandals: { mix: { hak: 1 } }", "unknown key 'hak' in scandals.mix; did you mean 'hack'?")]
    [InlineData("modes: { offered: [limted] }", "modes.offered.0: expected one of none, limited, full, got 'limted'; did you mean 'limited'?")]
    public void Load_WrongValue_ExplainsExpectation(string yaml, string message)
    {
        Assert.Equal(message, Assert.Single(Problems($"name: x\n{yaml}\n")).Message);
    }
}
