namespace TrustSim.Scenarios.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping; the key keeps its own location.</summary>
internal sealed record MappingEntry(ScalarNode Key, ScenarioNode Value);
