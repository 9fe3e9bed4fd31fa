namespace TrustSim.Scenarios;

/// <summary>
/// Swept numbers set straight on a resolved scenario, section by section the way the loader builds
/// sections (a fresh section holding the same keys, then the one key set), for a sweep's design
/// points. Loading each point's scenario anew from YAML cost little CPU but ran so much code that a
/// sweep of a few thousand small runs spent a tenth of its time compiling it. Only a number key
/// reached through sections qualifies, not one under time (whose schedule shift the loader applies
/// after mapping) nor one in a list, table or distribution: those points go through the loader.
/// </summary>
internal sealed class ScenarioPatch
{
    private readonly ScenarioKey[][] _paths;

    private ScenarioPatch(ScenarioKey[][] paths) => _paths = paths;

    /// <summary>The patch for these key paths (platform.scar), or null when any of them must go through the loader.</summary>
    public static ScenarioPatch? For(IReadOnlyList<string> paths)
    {
        var chains = new ScenarioKey[paths.Count][];
        for (var p = 0; p < paths.Count; p++)
        {
            var segments = paths[p].Split('.');
            if (segments[0] == "time") return null;
            var chain = new ScenarioKey[segments.Length];
            var type = typeof(Scenario);
            for (var s = 0; s < segments.Length; s++)
            {
                if (!ScenarioShape.IsRecord(type) || type == typeof(Distribution) || ScenarioShape.Find(type, segments[s]) is not { } key) return null;
                chain[s] = key;
                type = key.Type;
            }
            if (type != typeof(double)) return null;
            chains[p] = chain;
        }
        return new ScenarioPatch(chains);
    }

    /// <summary>
    /// <paramref name="scenario"/> with each path set to its value; null when a value is outside its
    /// key's range, as the loader checks it (the loader then says where and why).
    /// </summary>
    public Scenario? Apply(Scenario scenario, IReadOnlyList<double> values)
    {
        object patched = scenario;
        for (var p = 0; p < _paths.Length; p++)
        {
            if (_paths[p][^1].Parameter is { } range && !(values[p] >= range.Min && values[p] <= range.Max)) return null;
            patched = Set(patched, typeof(Scenario), _paths[p], 0, values[p]);
        }
        return (Scenario)patched;
    }

    private static object Set(object section, Type type, ScenarioKey[] chain, int depth, double value)
    {
        var copy = ScenarioShape.CopyOf(type, section);
        var key = chain[depth];
        key.Property.SetValue(copy, depth == chain.Length - 1 ? value : Set(key.Property.GetValue(section)!, key.Type, chain, depth + 1, value));
        return copy;
    }
}
