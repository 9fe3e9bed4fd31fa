using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

public sealed class ReferencedProblemsTests
{
    private static readonly FileReference Base = new("base.yaml", "extends", new SourceSpot("a.yaml", 3, 10));

    [Fact]
    public void Shorten_QuotationLongerThanFortyCharacters_CutWithDots()
    {
        int budget = 80;

        var message = ReferencedProblems.Shorten($"unknown key '{new string('k', 50)}'; valid keys: name", ref budget);

        Assert.Equal($"unknown key '{new string('k', 40)}...'; valid keys: name", message);
        Assert.Equal(40, budget);
    }

    [Fact]
    public void Shorten_BudgetSpent_QuotationShownAsDots()
    {
        int budget = 3;

        var message = ReferencedProblems.Shorten("value 'abcd' is not a number; 'ab' is", ref budget);

        Assert.Equal("value '...' is not a number; 'ab' is", message);
        Assert.Equal(1, budget);
    }

    [Fact]
    public void Limit_ProblemsInTheScenarioItself_KeptWhole()
    {
        var own = new ScenarioProblem("a.yaml", 5, 1, $"unknown key '{new string('k', 60)}'");

        Assert.Equal([own], ReferencedProblems.Limit([own], [Base]));
    }

    [Fact]
    public void Limit_ProblemInANamedFile_SaysWhichLineNamedIt()
    {
        var problem = new ScenarioProblem("base.yaml", 2, 3, "unknown key 'scra'; did you mean 'scar'?");

        var limited = Assert.Single(ReferencedProblems.Limit([problem], [Base]));

        Assert.Equal("base.yaml:2:3: (extends: on a.yaml line 3) unknown key 'scra'; did you mean 'scar'?", limited.ToString());
    }

    [Fact]
    public void Limit_ManyLinesAlikeOnceHidden_CountedInOneLine()
    {
        var problems = Enumerable.Range(1, 10)
            .Select(line => new ScenarioProblem("base.yaml", line, 1, $"unknown key '{line}{new string('s', 38)}'"))
            .ToList();

        var limited = ReferencedProblems.Limit(problems, [Base]);

        Assert.Equal([1, 2, 3, 10], limited.Select(p => p.Line));
        Assert.Equal("(extends: on a.yaml line 3) unknown key '...'", limited[2].Message);
        Assert.Equal("(extends: on a.yaml line 3) ... the same at 7 more lines, the last at line 10", limited[3].Message);
    }

    [Fact]
    public void Limit_DifferentProblemsWithShortQuotes_EachListed()
    {
        // A real observations file with mistakes: every cell is listed with its line, none merged.
        var problems = new[]
        {
            new ScenarioProblem("obs.csv", 3, 1, "date '2018-13-01' is not a date yyyy-mm-dd"),
            new ScenarioProblem("obs.csv", 3, 23, "value 'abc' is not a number"),
            new ScenarioProblem("obs.csv", 4, 23, "se '-1' is not a number above 0"),
        };
        var data = new FileReference("obs.csv", "calibrate.data", new SourceSpot("fit.yaml", 4, 9));

        var limited = ReferencedProblems.Limit(problems, [data]);

        Assert.Equal(["date '2018-13-01'", "value 'abc'", "se '-1'"], limited.Select(p => p.Message.Split(") ")[1].Split(" is")[0]));
    }
}
