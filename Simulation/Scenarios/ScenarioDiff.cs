using System.Collections;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// What differs between resolved scenarios, key by key, walked by reflection like the loader: sections
/// key by key, lists item by item (<c>shocks.0.severity</c>), weight tables entry by entry
/// (<c>scandals.mix.hack</c>), a distribution as one value (<c>uniform(0.2, 0.6)</c>) unless a swept path
/// lies inside it. Name and description are no difference, and neither is the base value of a key both
/// scenarios sweep (the sweep sets it at every design point). Used to name the sides of a comparison by
/// what sets them apart rather than by a shared scenario name.
/// </summary>
internal static class ScenarioDiff
{
    /// <summary>Keys shown in a label before "+N more".</summary>
    public const int LabelKeys = 3;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "name", "description" };

    /// <summary>Every key whose value differs, in the order the scenario writer uses.</summary>
    public static IReadOnlyList<ScenarioDifference> Between(Scenario a, Scenario b)
    {
        var swept = (a.Sweep?.Parameters.Select(p => p.Path) ?? [])
            .Intersect(b.Sweep?.Parameters.Select(p => p.Path) ?? [], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var differences = new List<ScenarioDifference>();
        Section(a, b, typeof(Scenario), "", swept, differences);
        return differences;
    }

    /// <summary>
    /// A label per scenario naming its values at every key where any scenario differs from the first
    /// (<c>platform.scar=0.4, scandals.mix.hack=0.5</c>, at most <see cref="LabelKeys"/> keys then
    /// "+N more"); null for all of them when nothing differs.
    /// </summary>
    public static IReadOnlyList<string>? Labels(IReadOnlyList<Scenario> scenarios)
    {
        var paths = new List<string>();
        var values = scenarios.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        for (int k = 1; k < scenarios.Count; k++)
        {
            foreach (var d in Between(scenarios[0], scenarios[k]))
            {
                if (!paths.Contains(d.Path)) paths.Add(d.Path);
                values[0][d.Path] = d.Before;
                values[k][d.Path] = d.After;
            }
        }
        if (paths.Count == 0) return null;
        // A key where side k matches side 1 (another side differs there) takes side 1's value.
        return values.Select((own, k) =>
        {
            var shown = paths.Take(LabelKeys).Select(p => $"{p}={own.GetValueOrDefault(p) ?? values[0][p]}");
            var text = string.Join(", ", shown);
            return paths.Count > LabelKeys ? $"{text} +{paths.Count - LabelKeys} more" : text;
        }).ToList();
    }

    private static void Section(object? a, object? b, Type type, string prefix, HashSet<string> swept, List<ScenarioDifference> into)
    {
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            if (prefix.Length == 0 && Ignored.Contains(key.Name)) continue;
            string path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            if (swept.Contains(path)) continue;
            Value(a is null ? null : key.Property.GetValue(a), b is null ? null : key.Property.GetValue(b), key.Type, path, swept, into);
        }
    }

    private static void Value(object? a, object? b, Type type, string path, HashSet<string> swept, List<ScenarioDifference> into)
    {
        if (type == typeof(Distribution))
        {
            if (swept.Any(s => s.StartsWith(path + ".", StringComparison.Ordinal))) Section(a, b, type, path, swept, into);
            else Scalar(a, b, path, into);
        }
        else if (ScenarioShape.IsRecord(type) || Nullable.GetUnderlyingType(type) is { } inner && ScenarioShape.IsRecord(inner))
        {
            if (a is null != b is null) into.Add(new ScenarioDifference(path, a is null ? "none" : "set", b is null ? "none" : "set"));
            else if (a is not null) Section(a, b, a.GetType(), path, swept, into);
        }
        else if (ScenarioShape.ListElement(type) is { } element && ScenarioShape.IsRecord(element))
        {
            var (left, right) = (((IEnumerable?)a)?.Cast<object>().ToList() ?? [], ((IEnumerable?)b)?.Cast<object>().ToList() ?? []);
            if (left.Count != right.Count) into.Add(new ScenarioDifference(path, Items(left.Count), Items(right.Count)));
            for (int i = 0; i < Math.Min(left.Count, right.Count); i++)
            {
                string item = $"{path}.{i}";
                if (!swept.Contains(item)) Section(left[i], right[i], element, item, swept, into);
            }
        }
        else if (ScenarioShape.IsTable(type, out _, out _))
        {
            var (left, right) = ((IDictionary?)a, (IDictionary?)b);
            var keys = (left?.Keys.Cast<object>() ?? []).Union(right?.Keys.Cast<object>() ?? [])
                .OrderBy(k => Convert.ToInt64(k, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var k in keys)
            {
                string entry = $"{path}.{SnakeCase.EnumName(k)}";
                if (!swept.Contains(entry)) Scalar(left is not null && left.Contains(k) ? left[k] : null, right is not null && right.Contains(k) ? right[k] : null, entry, into);
            }
        }
        else Scalar(a, b, path, into);
    }

    private static void Scalar(object? a, object? b, string path, List<ScenarioDifference> into)
    {
        string before = ScenarioKeyCatalog.DefaultText(a), after = ScenarioKeyCatalog.DefaultText(b);
        if (before != after) into.Add(new ScenarioDifference(path, before, after));
    }

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";
}
