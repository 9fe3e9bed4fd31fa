using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios.Yaml;

public sealed class ScenarioYamlReaderTests
{
    [Fact]
    public void Read_ManyKeysThenRepeats_EachDuplicateNamesItsFirstLine()
    {
        // 20,000 distinct keys in one mapping, then three of them again: each repeat is found by a
        // lookup, not a scan of the keys before it (the scan made a 1 MB file of 85k keys take 52 s).
        var keys = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"k{i}: 1\n"));
        var problems = new List<ScenarioProblem>();

        var node = ScenarioYamlReader.Read($"{keys}k0: 2\nk19999: 2\nk7: 2\n", "test.yaml", problems);

        Assert.Equal(["test.yaml:20001:1: duplicate key 'k0' (first given at line 1)",
            "test.yaml:20002:1: duplicate key 'k19999' (first given at line 20000)",
            "test.yaml:20003:1: duplicate key 'k7' (first given at line 8)"], problems.Select(p => p.ToString()));
        Assert.Equal(20_000, Assert.IsType<MappingNode>(node).Entries.Count);
    }
}
