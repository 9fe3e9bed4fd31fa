using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Lays one scenario's nodes over another's, for <c>extends</c>: sections (records) merge key by key,
/// everything else (values, lists, the scandal mix) is replaced whole by the extending file.
/// </summary>
internal static class NodeMerge
{
    public static MappingNode Merge(MappingNode under, MappingNode over, Type recordType)
    {
        var result = under;
        foreach (var entry in over.Entries)
        {
            var key = ScenarioShape.Find(recordType, entry.Key.Text);
            var merges = key is not null && ScenarioShape.IsRecord(key.Type)
                && under.Find(entry.Key.Text)?.Value is MappingNode && entry.Value is MappingNode;
            if (!merges)
            {
                result = result.With(entry);
                continue;
            }
            var below = (MappingNode)under.Find(entry.Key.Text)!.Value;
            var merged = Merge(below, (MappingNode)entry.Value, key!.Type) with { Spot = entry.Value.Spot };
            result = result.With(new MappingEntry(entry.Key, merged));
        }
        return result with { Spot = over.Spot };
    }
}
