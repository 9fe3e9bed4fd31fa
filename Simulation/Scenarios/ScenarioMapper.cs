using System.Globalization;
using TrustSim.Core;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Builds scenario records from YAML nodes by reflection, starting from each record's defaults so
/// that a file states only what differs. Every problem is collected; reading never stops early.
/// </summary>
internal sealed class ScenarioMapper(SourceMap map, List<ScenarioProblem> problems)
{
    /// <summary>Keys the loader handles before mapping; listed so a misspelling still gets a hint.</summary>
    private static readonly string[] RootExtras = ["extends"];

    public Scenario MapRoot(MappingNode root, bool requireName)
    {
        if (requireName && root.Find("name") is null)
            problems.Add(map.Root.Problem("missing required key 'name' (the scenario's short name, for example name: cambridge-analytica)"));
        return (Scenario)MapRecord(root, typeof(Scenario), new Scenario(), "");
    }

    private object MapRecord(MappingNode node, Type type, object? start, string path)
    {
        var record = ScenarioShape.CopyOf(type, start);
        foreach (var entry in node.Entries)
        {
            var childPath = Join(path, entry.Key.Text);
            var key = ScenarioShape.Find(type, entry.Key.Text);
            if (key is null)
            {
                ReportUnknownKey(entry.Key, type, path);
                continue;
            }
            map.Record(childPath, entry.Value.Spot);
            if (TryValue(entry.Value, key.Type, key.Property.GetValue(record), childPath, key.Parameter, out var value))
                key.Property.SetValue(record, value);
            else
                map.MarkFailed(childPath);
        }
        return record;
    }

    private void ReportUnknownKey(ScalarNode key, Type type, string path)
    {
        var names = ScenarioShape.KeyNames(type).Concat(path.Length == 0 ? RootExtras : []).ToList();
        var where = path.Length == 0 ? "" : $" in {path}";
        problems.Add(key.Spot.Problem($"unknown key '{key.Text}'{where}; {KeySuggester.Hint(key.Text, names)}"));
    }

    private bool TryValue(ScenarioNode node, Type type, object? current, string path, ParameterAttribute? parameter, out object? value)
    {
        value = current;
        if (ScenarioShape.IsRecord(type))
        {
            if (node is MappingNode mapping)
                value = MapRecord(mapping, type, current, path);
            return node is MappingNode || node is ScalarNode { IsNull: true } || Mismatch(node, type, path);
        }
        if (ScenarioShape.ListElement(type) is { } element)
            return TryList(node, element, path, parameter, out value);
        if (ScenarioShape.IsTable(type, out var keyType, out var valueType))
            return TryTable(node, keyType, valueType, path, parameter, out value);
        if (node is not ScalarNode scalar)
            return Mismatch(node, type, path);
        if (!ScalarConverter.TryConvert(scalar, type, out value, out var error))
        {
            problems.Add(scalar.Spot.Problem($"{path}: {error}"));
            return false;
        }
        return InRange(scalar, value, path, parameter);
    }

    private bool TryList(ScenarioNode node, Type element, string path, ParameterAttribute? parameter, out object? value)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        value = list;
        if (node is ScalarNode { IsNull: true })
            return true;
        if (node is not SequenceNode sequence)
            return Mismatch(node, typeof(IReadOnlyList<>).MakeGenericType(element), path);
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = Join(path, i.ToString(CultureInfo.InvariantCulture));
            map.Record(itemPath, sequence.Items[i].Spot);
            var start = ScenarioShape.IsRecord(element) ? Activator.CreateInstance(element) : null;
            if (TryValue(sequence.Items[i], element, start, itemPath, parameter, out var item))
                list.Add(item);
            else
                ok = false;
        }
        return ok;
    }

    // A table (scandals.mix) replaces the default table whole: a mix lists the types it wants.
    private bool TryTable(ScenarioNode node, Type keyType, Type valueType, string path, ParameterAttribute? parameter, out object? value)
    {
        var table = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
        value = table;
        if (node is ScalarNode { IsNull: true })
            return true;
        if (node is not MappingNode mapping)
            return Mismatch(node, typeof(IReadOnlyDictionary<,>).MakeGenericType(keyType, valueType), path);
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = Join(path, entry.Key.Text);
            map.Record(entryPath, entry.Value.Spot);
            if (!SnakeCase.TryParseEnum(keyType, entry.Key.Text, out var key))
            {
                ReportUnknownTableKey(entry.Key, keyType, path);
                ok = false;
            }
            else if (TryValue(entry.Value, valueType, null, entryPath, parameter, out var item))
                table[key!] = item;
            else
                ok = false;
        }
        return ok;
    }

    private void ReportUnknownTableKey(ScalarNode key, Type keyType, string path)
    {
        var names = SnakeCase.EnumNames(keyType);
        problems.Add(key.Spot.Problem($"unknown key '{key.Text}' in {path}; {KeySuggester.Hint(key.Text, names)}"));
    }

    private bool InRange(ScalarNode scalar, object? value, string path, ParameterAttribute? parameter)
    {
        if (parameter is null || value is null || value is string || value.GetType().IsEnum || value is DateOnly or bool)
            return true;
        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (number >= parameter.Min && number <= parameter.Max)
            return true;
        problems.Add(scalar.Spot.Problem($"{path} = {scalar.Text.Trim()} is {RangeText.Describe(parameter)}"));
        return false;
    }

    private bool Mismatch(ScenarioNode node, Type type, string path)
    {
        problems.Add(node.Spot.Problem($"{path}: expected {TypeWords.Describe(type)}, got {node.Describe()}"));
        return false;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
