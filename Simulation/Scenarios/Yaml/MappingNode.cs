namespace TrustSim.Scenarios.Yaml;

/// <summary>A YAML mapping with unique keys, in the order written.</summary>
internal sealed record MappingNode(SourceSpot Spot, IReadOnlyList<MappingEntry> Entries) : ScenarioNode(Spot)
{
    public override string Describe() => "a mapping of keys";

    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Text == key);

    /// <summary>A copy with <paramref name="entry"/> replacing the entry of the same key, or appended.</summary>
    public MappingNode With(MappingEntry entry)
    {
        var entries = Entries.ToList();
        var index = entries.FindIndex(e => e.Key.Text == entry.Key.Text);
        if (index >= 0)
            entries[index] = entry;
        else
            entries.Add(entry);
        return this with { Entries = entries };
    }

    public MappingNode Without(string key) => this with { Entries = Entries.Where(e => e.Key.Text != key).ToList() };
}
