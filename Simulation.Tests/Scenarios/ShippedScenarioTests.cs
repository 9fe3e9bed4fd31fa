using TrustSim.Engine;
using TrustSim.Scenarios;
using TrustSim.Tests.Engine;

namespace TrustSim.Tests.Scenarios;

/// <summary>Every scenario that ships under scenarios/ loads cleanly and runs.</summary>
public sealed class ShippedScenarioTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(DeterminismTests.RepositoryRoot(), "scenarios"), "*.yaml").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Load_ShippedScenario_LoadsAndRunsTwentySteps(string file)
    {
        var path = Path.Combine(DeterminismTests.RepositoryRoot(), "scenarios", file);
        var header = File.ReadLines(path).First();
        Assert.StartsWith("#", header);
        var result = ScenarioLoader.Load(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var scenario = result.Scenario! with { Time = result.Scenario!.Time with { Steps = 20 }, Users = result.Scenario.Users with { Count = 2_000 } };
        scenario = scenario with
        {
            Shocks = scenario.Shocks.Where(s => (s.Step ?? 0) <= 20 && s.Date is null).ToList(),
            Interventions = scenario.Interventions.Where(i => (i.Step ?? 0) <= 20 && i.Date is null).ToList(),
        };
        var run = Simulator.Run(scenario, 0);
        Assert.Equal(21, run.Steps.Count);
        Assert.All(run.Steps, m => Assert.InRange(m.Reputation, 0, 1));
    }

    [Fact]
    public void Load_CambridgeAnalytica_SchedulesTheShocksOfMODEL()
    {
        var result = ScenarioLoader.Load(Path.Combine(DeterminismTests.RepositoryRoot(), "scenarios", "cambridge-analytica.yaml"));
        var s = result.Scenario!;
        var steps = ScenarioSchedule.ShockSteps(s);
        Assert.Equal(101, steps[0]);
        Assert.Equal(104, steps[1]);
        Assert.Equal(128, steps[3]);
        Assert.Equal(87e6, s.Shocks[0].Affected);
        Assert.Contains(s.Interventions, i => i.Type == InterventionType.MandateSafeguards && i.Step == 171);
    }
}
