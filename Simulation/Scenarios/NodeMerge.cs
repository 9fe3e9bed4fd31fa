using System.Collections;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Lays one scenario's nodes over another's, for <c>extends</c>: sections (records) merge key by key,
/// everything else (values, lists, the scandal mix) is replaced whole by the extending file, except
/// a list written <c>KEY+:</c>, whose items are appended to the base's list of that key.
/// </summary>
internal static class NodeMerge
{
    /// <summary>The suffix that turns a list key into "append these items".</summary>
    public const string Append = "+";

    /// <summary>
    /// <paramref name="over"/> laid on <paramref name="under"/> (null for a file that extends
    /// nothing: its appends then go to the defaults). Problems with an append are added to
    /// <paramref name="problems"/>, located at the key.
    /// </summary>
    public static MappingNode Merge(MappingNode? under, MappingNode over, Type recordType, List<ScenarioProblem> problems)
    {
        var result = under ?? over with { Entries = [] };
        foreach (var entry in over.Entries)
        {
            var name = entry.Key.Text;
            if (name.Length > Append.Length && name.EndsWith(Append, StringComparison.Ordinal))
            {
                result = Appended(result, under, over, entry, recordType, problems);
                continue;
            }
            var key = ScenarioShape.Find(recordType, name);
            if (key is not null && ScenarioShape.IsRecord(key.Type) && entry.Value is MappingNode section)
            {
                // A section merges with the base's when both are mappings; otherwise it replaces it,
                // its own appends going to the defaults.
                var below = under?.Find(name)?.Value as MappingNode;
                var merged = Merge(below, section, key.Type, problems) with { Spot = entry.Value.Spot };
                result = result.With(new MappingEntry(entry.Key, merged));
                continue;
            }
            result = result.With(entry);
        }
        return result with { Spot = over.Spot };
    }

    private static MappingNode Appended(MappingNode result, MappingNode? under, MappingNode over, MappingEntry entry, Type recordType,
        List<ScenarioProblem> problems)
    {
        var written = entry.Key.Text;
        var name = written[..^Append.Length];
        var key = ScenarioShape.Find(recordType, name);
        if (key is null || ScenarioShape.ListElement(key.Type) is null)
        {
            problems.Add(entry.Key.Spot.Problem(key is null
                ? $"'{written}': there is no list '{name}' here to append to"
                : $"'{written}': '+' appends items to a list, and '{name}' is not a list"));
            return result;
        }
        if (over.Find(name) is not null)
        {
            problems.Add(entry.Key.Spot.Problem($"'{name}' and '{written}' are both given: give the whole list or the items to append, not both"));
            return result;
        }
        if (entry.Value is not SequenceNode items)
        {
            problems.Add(entry.Value.Spot.Problem($"'{written}' needs a list of items to append; found {entry.Value.Describe()}"));
            return result;
        }
        var renamed = entry.Key with { Text = name };
        switch (under?.Find(name)?.Value)
        {
            case SequenceNode inBase:
                return result.With(new MappingEntry(renamed, items with { Items = [.. inBase.Items, .. items.Items] }));
            case null or ScalarNode { IsNull: true }:
                if (DefaultCount(recordType, key) == 0)
                    return result.With(new MappingEntry(renamed, items));
                problems.Add(entry.Key.Spot.Problem(
                    $"'{written}': no base scenario sets '{name}', and its default is not empty; write '{name}:' with the whole list"));
                return result;
            case var other:
                problems.Add(entry.Key.Spot.Problem($"'{written}': the base's '{name}' is {other.Describe()}, not a list to append to"));
                return result;
        }
    }

    private static int DefaultCount(Type recordType, ScenarioKey key) =>
        key.Property.GetValue(Activator.CreateInstance(recordType)) is IEnumerable list ? list.Cast<object>().Count() : 0;
}
