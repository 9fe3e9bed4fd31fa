using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed partial class ScenarioLoaderTests
{
    [Fact]
    public void Load_Extends_OverridesBase()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", """
            name: base
            seed: 7
            platform: { scar: 0.3, sensitivity: 3 }
            shocks:
              - { step: 10, severity: 0.5 }
              - { step: 20, severity: 0.6 }
            """);
        var path = folder.Write("policy.yaml", """
            extends: base.yaml
            name: policy
            platform: { scar: 0.1 }
            shocks:
              - { step: 30, severity: 0.7 }
            """);

        var result = ScenarioLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var scenario = result.Scenario!;
        Assert.Equal("policy", scenario.Name);
        Assert.Equal(7UL, scenario.Seed);
        Assert.Equal(0.1, scenario.Platform.Scar);
        Assert.Equal(3, scenario.Platform.Sensitivity);
        Assert.Equal(30, Assert.Single(scenario.Shocks).Step); // lists replace whole
    }

    [Fact]
    public void Load_ExtendsChainInSubfolder_ResolvesRelativeToEachFile()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "common"));
        folder.Write("common/root.yaml", "name: root\nreplications: 5\n");
        folder.Write("common/middle.yaml", "extends: root.yaml\nseed: 9\n");
        var path = folder.Write("leaf.yaml", "extends: common/middle.yaml\nname: leaf\n");

        var result = ScenarioLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((5, 9UL, "leaf"), (result.Scenario!.Replications, result.Scenario.Seed, result.Scenario.Name));
    }

    [Fact]
    public void Load_ExtendsCycle_ReportsCycle()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "name: a\nextends: b.yaml\n");
        folder.Write("b.yaml", "extends: a.yaml\n");

        var result = ScenarioLoader.Load(Path.Combine(folder.Path, "a.yaml"));

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("b.yaml", problem.File);
        Assert.Equal((1, 10), (problem.Line, problem.Column));
        // Located in b.yaml, a file a.yaml named: it says which line named it.
        Assert.Matches(@"^\(extends: on .*a\.yaml line 2\) extends cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml$", problem.Message);
    }

    [Fact]
    public void Load_ExtendsMissingBase_ReportsAtExtendsValue()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.yaml", "name: a\nextends: nowhere.yaml\n");

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((path, 2, 10), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith("base scenario 'nowhere.yaml' not found", problem.Message);
    }

    [Fact]
    public void Load_ExtendsAFolder_SaysItIsAFolder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "base"));
        var path = folder.Write("leaf.yaml", "extends: base\nname: leaf\n");

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.StartsWith("base scenario 'base' is a folder, not a regular file", problem.Message);
        Assert.Equal((1, 10), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_ProblemInBase_ReportedWithBaseFileName()
    {
        using var folder = new TempFolder();
        var basePath = folder.Write("base.yaml", "name: base\nplatform:\n  scar: 2\n");
        var path = folder.Write("leaf.yaml", "extends: base.yaml\nname: leaf\nseed: -1\n");

        var problems = ScenarioLoader.Load(path).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Equal((path, 3, 7), (problems[0].File, problems[0].Line, problems[0].Column));
        Assert.Equal((basePath, 3, 9), (problems[1].File, problems[1].Line, problems[1].Column));
        Assert.Equal($"(extends: on {path} line 1) platform.scar = 2 is outside [0, 1]", problems[1].Message);
    }

    [Fact]
    public void Load_ExtendsScandalMix_ReplacesWholeTable()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", "name: base\nscandals: { rate: 1, mix: { misuse: 1, hack: 1 } }\n");
        var path = folder.Write("leaf.yaml", "extends: base.yaml\nscandals: { mix: { hearing: 2 } }\n");

        var scenario = ScenarioLoader.Load(path).Scenario!;

        Assert.Equal(1, scenario.Scandals.Rate);
        Assert.Equal(new Dictionary<ShockType, double> { [ShockType.Hearing] = 2 }, scenario.Scandals.Mix);
    }
}

public sealed class ScenarioAppendTests
{
    private const string Base = """
        name: base
        time: { steps: 60 }
        shocks:
          - { step: 10, severity: 0.5 }
          - { step: 20, severity: 0.6 }
        """;

    [Fact]
    public void Load_AppendToTheBaseList_KeepsTheBaseItemsThenAddsTheNew()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", Base);
        var path = folder.Write("more.yaml", "extends: base.yaml\nname: more\nshocks+:\n  - { step: 30, severity: 0.7 }\n");

        var result = ScenarioLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal([10, 20, 30], result.Scenario!.Shocks.Select(s => s.Step));
    }

    [Fact]
    public void Load_AppendInANestedSectionAndWithoutABase_AppendsToTheEmptyDefault()
    {
        using var folder = new TempFolder();
        var path = folder.Write("alone.yaml", "name: alone\ntime: { steps: 60 }\nshocks+:\n  - { step: 5, severity: 0.5 }\n");

        var result = ScenarioLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(5, Assert.Single(result.Scenario!.Shocks).Step);
    }

    [Theory]
    [InlineData("seed+: [1]", 3, 1, "'seed+': '+' appends items to a list, and 'seed' is not a list")]
    [InlineData("nothing+: [1]", 3, 1, "'nothing+': there is no list 'nothing' here to append to")]
    [InlineData("shocks+: { step: 30 }", 3, 10, "'shocks+' needs a list of items to append; found a mapping of keys")]
    [InlineData("shocks: []\nshocks+: [{ step: 30 }]", 4, 1, "'shocks' and 'shocks+' are both given")]
    [InlineData("modes:\n  offered+: [full]", 4, 3, "'offered+': no base scenario sets 'offered', and its default is not empty")]
    public void Load_BadAppend_LocatedProblem(string yaml, int line, int column, string message)
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", Base);
        var path = folder.Write("bad.yaml", "extends: base.yaml\nname: bad\n" + yaml + "\n");

        var problems = ScenarioLoader.Load(path).Problems;

        var problem = Assert.Single(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((path, line, column), (problem.File, problem.Line, problem.Column));
    }
}
