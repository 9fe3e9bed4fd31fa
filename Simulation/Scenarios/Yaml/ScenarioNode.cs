namespace TrustSim.Scenarios.Yaml;

/// <summary>
/// A parsed YAML node that remembers the file it came from. YamlDotNet's own nodes carry line and
/// column but not the file, and a scenario merged from a base and <c>--set</c> mixes several sources.
/// </summary>
internal abstract record ScenarioNode(SourceSpot Spot)
{
    /// <summary>How the node is named in messages ("a number", "a list").</summary>
    public abstract string Describe();
}
