using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

public sealed class CalibrationValidatorTests
{
    private const string Head = """
        name: fit
        time: { steps: 120 }
        institutions: { generated: { banks: 2, payments: 1 } }
        shocks:
          - { step: 101, type: misuse, affected: 87000000 }
        calibrate:
        """;

    private static IReadOnlyList<ScenarioProblem> Problems(string calibrate, TempFolder? folder = null)
    {
        var text = Head + "\n" + calibrate;
        var result = folder is null ? ScenarioLoader.LoadText(text, "fit.yaml") : ScenarioLoader.Load(folder.Write("fit.yaml", text));
        return result.Problems;
    }

    [Fact]
    public void Validate_GoodSection_NoProblems()
    {
        var problems = Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10, log: true }, { path: shocks.0.affected, min: 1e6, max: 2e8 }]
              observed: [{ step: 101, value: 0.27 }, { date: 2018-03-26, metric: reputation, value: 0.33, se: 0.01 }]
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_BadParameters_LocatedProblemForEach()
    {
        var problems = Problems("""
              parameters:
                - { path: platform.sensitivty, min: 0.5, max: 10 }
                - { path: platform.scar, min: 0.5, max: 0.2 }
                - { path: platform.fast_share, min: 0, max: 0.5, log: true }
                - { path: name, min: 0, max: 1 }
                - { path: platform.scar, min: 0, max: 2 }
              observed: [{ step: 101, value: 0.27 }]
            """);
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("platform.sensitivty") && p.Message.Contains("cannot be set"));
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("min (0.5) must be less than max (0.2)"));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("log-scale parameter needs min > 0"));
        Assert.Contains(problems, p => p.Line == 11 && p.Message.Contains("'name' cannot be set"));
        Assert.Contains(problems, p => p.Line == 12 && p.Message.Contains("platform.scar"));
    }

    [Fact]
    public void Validate_BadObservations_LocatedProblemForEach()
    {
        var problems = Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              observed:
                - { value: 0.27 }
                - { step: 101, date: 2018-03-26, value: 0.3 }
                - { step: 400, value: 0.3 }
                - { date: 2015-01-01, value: 0.3 }
                - { step: 101, metric: trust, value: 0.3 }
            """);
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("needs a step or a date"));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("either step or date"));
        Assert.Contains(problems, p => p.Line == 11 && p.Message.Contains("after the run's last step"));
        Assert.Contains(problems, p => p.Line == 12 && p.Message.Contains("before the run's start"));
        Assert.Contains(problems, p => p.Line == 13 && p.Message.Contains("'trust' is not a time-series metric"));
    }

    [Fact]
    public void Validate_CsvWithBadRows_ProblemsAtFileLineColumn()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("ponemon.csv", "date,metric,value,se\n2018-03-19,reputation,0.27,0.01\n2018-13-01,reputation,abc,0.01\n2018-03-26,trust,0.33,-1\n");
        var problems = Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              data: ponemon.csv
            """, folder);
        Assert.Contains(problems, p => p.File == csv && p.Line == 3 && p.Column == 1 && p.Message.Contains("2018-13-01"));
        Assert.Contains(problems, p => p.File == csv && p.Line == 3 && p.Column == 23 && p.Message.Contains("'abc' is not a number"));
        Assert.Contains(problems, p => p.File == csv && p.Line == 4 && p.Column == 23 && p.Message.Contains("se '-1'"));
    }

    [Fact]
    public void Validate_CsvMissing_ProblemAtDataKey()
    {
        using var folder = new TempFolder();
        var problems = Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              data: nowhere.csv
            """, folder);
        var problem = Assert.Single(problems);
        Assert.Equal(8, problem.Line);
        Assert.Contains("nowhere.csv", problem.Message);
    }

    [Fact]
    public void Validate_CsvGood_ObservationsPlaceOnSteps()
    {
        using var folder = new TempFolder();
        folder.Write("obs.csv", "step,date,value,weight,label\n101,,0.27,2,first week\n,2018-03-26,0.33,,\n");
        var path = folder.Write("fit.yaml", Head + "\n  parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]\n  data: obs.csv\n");
        var result = ScenarioLoader.Load(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var targets = TrustSim.Experiments.CalibrationTarget.From(result.Scenario!, path);
        Assert.Equal([101, 102], targets.Select(t => t.Step));
        Assert.Equal([2.0, 1.0], targets.Select(t => t.Weight));
        Assert.Equal("first week", targets[0].Label);
    }

    [Fact]
    public void Validate_GoodPriors_NoProblems()
    {
        var problems = Problems("""
              parameters:
                - { path: platform.sensitivity, min: 0.5, max: 10, log: true }
                - { path: platform.salience_exponent, min: 0.05, max: 1, prior: { kind: beta, a: 2, b: 5 } }
                - { path: platform.fast_share, min: 0.01, max: 0.6, prior: { kind: normal, mean: 0.2, sd: 0.1 } }
                - { path: platform.fast_recovery, min: 0.05, max: 1, prior: { kind: log_uniform } }
              sigma: { min: 0.005, max: 0.2 }
              observed: [{ step: 101, value: 0.27 }, { step: 102, value: 0.33, se: 0.01 }]
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_BadPriors_LocatedProblemForEach()
    {
        var problems = Problems("""
              parameters:
                - { path: platform.sensitivity, min: 0.5, max: 10, prior: { kind: normal, mean: 12, sd: 1 } }
                - { path: platform.salience_exponent, min: 0.05, max: 1, prior: { kind: normal, mean: 0.5, sd: 0 } }
                - { path: platform.fast_share, min: 0.01, max: 0.6, prior: { kind: beta, a: -1, b: 2 } }
                - { path: platform.fast_recovery, min: 0, max: 1, prior: { kind: log_uniform } }
                - { path: platform.scar, min: 0, max: 0.5, prior: { kind: beta, a: 2 } }
                - { path: shocks.0.severity, min: 0, max: 1, prior: { kind: uniform, mean: 0.5 } }
                - { path: platform.relaxation, min: 0, max: 1, prior: { kind: normal } }
              observed: [{ step: 101, value: 0.27 }]
            """);
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("prior.mean: 12 is outside the parameter's range [0.5, 10]"));
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("prior.sd: must be above 0, got 0"));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("prior.a: must be above 0, got -1"));
        Assert.Contains(problems, p => p.Line == 11 && p.Message.Contains("a log_uniform prior needs min > 0"));
        Assert.Contains(problems, p => p.Line == 12 && p.Message.Contains("a beta prior needs a and b"));
        Assert.Contains(problems, p => p.Line == 13 && p.Message.Contains("mean and sd belong to a normal prior, not uniform"));
        Assert.Contains(problems, p => p.Line == 14 && p.Message.Contains("a normal prior needs mean"));
        Assert.Contains(problems, p => p.Line == 14 && p.Message.Contains("a normal prior needs sd"));
    }

    [Fact]
    public void Validate_PosteriorWithIntegerOrZeroSe_LocatedProblems()
    {
        var problems = Problems("""
              parameters: [{ path: platform.sensitivity, min: 1, max: 9, integer: true }]
              observed: [{ step: 101, value: 0.27, se: 0 }]
            """);
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("integer: the posterior method samples continuous values"));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("se: a standard error of 0"));
    }

    [Fact]
    public void Validate_OptimizeWithIntegerOrZeroSe_AcceptedAsBefore()
    {
        var problems = Problems("""
              method: optimize
              parameters: [{ path: platform.sensitivity, min: 1, max: 9, integer: true }]
              observed: [{ step: 101, value: 0.27, se: 0 }]
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_BadErrorScale_LocatedProblems()
    {
        Assert.Contains(Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              sigma: { min: 0 }
              observed: [{ step: 101, value: 0.27 }]
            """), p => p.Line == 8 && p.Message.Contains("sigma.min: sigma's log-uniform prior needs min > 0"));
        // Only min written, above the derived max (the largest observed value, 0.27).
        Assert.Contains(Problems("""
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              sigma: { min: 0.5 }
              observed: [{ step: 101, value: 0.27 }]
            """), p => p.Line == 8 && p.Message.Contains("sigma's prior range for reputation is [0.5, 0.27]"));
    }

    [Fact]
    public void Validate_ChainsBelowTwo_ProblemAtTheKey()
    {
        var problems = Problems("""
              chains: 1
              parameters: [{ path: platform.sensitivity, min: 0.5, max: 10 }]
              observed: [{ step: 101, value: 0.27 }]
            """);
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("calibrate.chains"));
    }
}
