namespace TrustSim.Scenarios.Yaml;

/// <summary>A YAML scalar: its text, and whether it was quoted (a quoted '~' is text, not null).</summary>
internal sealed record ScalarNode(SourceSpot Spot, string Text, bool Quoted) : ScenarioNode(Spot)
{
    /// <summary>Plain <c>~</c>, <c>null</c> or nothing at all: YAML's null.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Text}'";
}
