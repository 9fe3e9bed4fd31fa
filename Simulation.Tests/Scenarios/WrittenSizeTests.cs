using System.Text;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

/// <summary>Issue 14, item 8: what validates is small enough to be read back once written as scenario.yaml.</summary>
public sealed class WrittenSizeTests
{
    /// <summary>A scenario of <paramref name="shocks"/> one-line shocks; each is written back as 8 lines, 121 bytes.</summary>
    internal static string WithShocks(int shocks, string head = "name: big\ntime: { steps: 5 }\nusers: { count: 50 }\nreplications: 1\n") =>
        head + "shocks:\n" + string.Concat(Enumerable.Repeat("  - { step: 2, severity: 0.5 }\n", shocks));

    [Fact]
    public void Load_ShippedSizedScenario_NoProblem()
    {
        using var folder = new TempFolder();

        var result = ScenarioLoader.Load(folder.Write("small.yaml", WithShocks(10)));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Load_ResolvedFormOverTheLimit_RefusedAtTheLargestSection()
    {
        using var folder = new TempFolder();
        // 279 KB as written by hand, about 1.09 MB once every shock's defaults are written out.
        var text = WithShocks(9_000);
        var path = folder.Write("big.yaml", text);
        Assert.True(Encoding.UTF8.GetByteCount(text) < ScenarioFileSource.MaxBytes / 3);

        var problem = Assert.Single(ScenarioLoader.Load(path).Problems);

        Assert.Equal((path, 6), (problem.File, problem.Line));
        Assert.Matches(@"^the resolved scenario \(defaults written out, extends and --set applied\) is 1,0[0-9]{2},[0-9]{3} bytes, " +
                       @"over the 1,048,576 bytes a scenario file may have, .* shocks takes 1,0[0-9]{2},[0-9]{3} bytes of it: shorten shocks", problem.Message);
    }

    [Fact]
    public void Load_ResolvedFormJustUnderTheLimit_AcceptedAndItsWrittenFormLoads()
    {
        using var folder = new TempFolder();
        var loaded = ScenarioLoader.Load(folder.Write("big.yaml", WithShocks(8_000)));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));

        var written = ScenarioWriter.ToYaml(loaded.Scenario!);
        var again = ScenarioLoader.Load(folder.Write("scenario.yaml", written));

        Assert.InRange(Encoding.UTF8.GetByteCount(written), 900_000, ScenarioFileSource.MaxBytes);
        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal(8_000, again.Scenario!.Shocks.Count);
    }

    [Fact]
    public void Load_SetThatGrowsTheResolvedForm_CheckedAfterOverrides()
    {
        using var folder = new TempFolder();
        var path = folder.Write("big.yaml", WithShocks(8_500));
        Assert.True(ScenarioLoader.Load(path).Succeeded);

        var result = ScenarioLoader.Load(path, [$"description={new string('d', 100_000)}"]);

        Assert.Contains("the resolved scenario", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Largest_TopLevelSections_TheOneWithMostBytes()
    {
        var (section, bytes) = WrittenSize.Largest("# header\nname: \"x\"\nshocks:\n  - step: 2\n  - step: 3\nsweep: ~\n");

        Assert.Equal(("shocks", 8 + 12 + 12), (section, bytes));
    }
}
