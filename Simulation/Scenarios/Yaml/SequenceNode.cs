namespace TrustSim.Scenarios.Yaml;

/// <summary>A YAML sequence (list).</summary>
internal sealed record SequenceNode(SourceSpot Spot, IReadOnlyList<ScenarioNode> Items) : ScenarioNode(Spot)
{
    public override string Describe() => "a list";

    public SequenceNode WithItem(int index, ScenarioNode item)
    {
        var items = Items.ToList();
        items[index] = item;
        return this with { Items = items };
    }
}
