using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>Reads one scenario file or text into its root mapping, reporting why when it cannot.</summary>
internal static class ScenarioDocument
{
    public static MappingNode? ReadFile(string path, string displayName, List<ScenarioProblem> problems)
    {
        var text = ScenarioFileSource.Read(path, displayName, problems);
        return text is null ? null : ReadText(text, displayName, problems);
    }

    public static MappingNode? ReadText(string text, string displayName, List<ScenarioProblem> problems)
    {
        var root = ScenarioYamlReader.Read(text, displayName, problems);
        switch (root)
        {
            case MappingNode mapping:
                // Duplicate keys and refused anchors were reported but leave a usable mapping,
                // which is mapped anyway so the author sees the rest of the file's problems too.
                return mapping;
            case ScalarNode { IsNull: true }:
                problems.Add(SourceSpot.StartOf(displayName).Problem("the file is empty; a scenario needs at least 'name: ...'"));
                return null;
            case null:
                return null;
            default:
                problems.Add(root.Spot.Problem($"a scenario file must be a mapping of keys (like 'name: my-scenario'), got {root.Describe()}"));
                return null;
        }
    }
}
