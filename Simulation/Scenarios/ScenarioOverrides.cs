using System.Globalization;
using TrustSim.Core;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Applies <c>--set path.to.key=value</c> overrides to the merged YAML, after inheritance. The value
/// is read as YAML, so <c>modes.offered=[limited]</c> works; list items are addressed by index
/// (<c>shocks.0.severity=0.9</c>). Problems are located in file <c>--set</c>, line = which override.
/// </summary>
internal static class ScenarioOverrides
{
    public const string SourceName = "--set";

    public static MappingNode Apply(MappingNode root, IReadOnlyList<string> overrides, List<ScenarioProblem> problems)
    {
        for (var i = 0; i < overrides.Count; i++)
        {
            var text = overrides[i];
            var equals = text.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(new ScenarioProblem(SourceName, i + 1, 1, $"expected PATH=VALUE, got '{text}'"));
                continue;
            }
            var before = problems.Count;
            var value = ScenarioYamlReader.Read(text[(equals + 1)..], SourceName, problems, lineOffset: i, columnOffset: equals + 1);
            KeepOnLine(problems, before, i + 1, text.Length + 1);
            var segments = Split(text[..equals], i + 1);
            if (value is null)
                continue;
            if (segments.Any(s => s.Text.Length == 0))
            {
                problems.Add(new ScenarioProblem(SourceName, i + 1, 1, $"'{text[..equals]}' is not a key path like platform.scar"));
                continue;
            }
            var setter = new Setter(text, segments, value, problems);
            if (setter.SetAt(root, typeof(Scenario), 0) is MappingNode changed)
                root = changed;
        }
        return root;
    }

    // A value error at "end of stream" would land on the next line, which is another --set.
    private static void KeepOnLine(List<ScenarioProblem> problems, int from, int line, int lastColumn)
    {
        for (var p = from; p < problems.Count; p++)
        {
            if (problems[p].Line != line)
                problems[p] = problems[p] with { Line = line, Column = lastColumn };
        }
    }

    private static List<Segment> Split(string path, int line)
    {
        var segments = new List<Segment>();
        var start = 0;
        foreach (var part in path.Split('.'))
        {
            segments.Add(new Segment(part.Trim(), new SourceSpot(SourceName, line, start + 1)));
            start += part.Length + 1;
        }
        return segments;
    }

    private sealed record Segment(string Text, SourceSpot Spot);

    private sealed class Setter(string text, List<Segment> segments, ScenarioNode value, List<ScenarioProblem> problems)
    {
        /// <summary>The node with the value set below it, or null (problem reported) when the path is wrong.</summary>
        public ScenarioNode? SetAt(ScenarioNode? node, Type type, int index)
        {
            if (index == segments.Count)
                return value;
            var segment = segments[index];
            if (ScenarioShape.IsRecord(type))
            {
                var key = ScenarioShape.Find(type, segment.Text);
                return key is null
                    ? Fail(segment, $"unknown key '{segment.Text}'{Under(index)}; {KeySuggester.Hint(segment.Text, ScenarioShape.KeyNames(type))}")
                    : SetInMapping(node, key.Type, index);
            }
            if (ScenarioShape.IsTable(type, out var keyType, out var valueType))
            {
                var names = SnakeCase.EnumNames(keyType);
                return names.Contains(segment.Text)
                    ? SetInMapping(node, valueType, index)
                    : Fail(segment, $"unknown key '{segment.Text}'{Under(index)}; {KeySuggester.Hint(segment.Text, names)}");
            }
            if (ScenarioShape.ListElement(type) is { } element)
                return SetInList(node, element, index);
            return Fail(segment, $"'{Prefix(index)}' is a single value; it has no key '{segment.Text}'");
        }

        private ScenarioNode? SetInMapping(ScenarioNode? node, Type childType, int index)
        {
            var segment = segments[index];
            // A section the files never mention (or left empty) starts out as an empty mapping.
            var mapping = node as MappingNode ?? new MappingNode(segment.Spot, []);
            var existing = mapping.Find(segment.Text);
            var child = SetAt(existing?.Value, childType, index + 1);
            if (child is null)
                return null;
            var keyNode = existing?.Key ?? new ScalarNode(segment.Spot, segment.Text, Quoted: false);
            return mapping.With(new MappingEntry(keyNode, child));
        }

        private ScenarioNode? SetInList(ScenarioNode? node, Type element, int index)
        {
            var segment = segments[index];
            var count = (node as SequenceNode)?.Items.Count ?? 0;
            if (!int.TryParse(segment.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var item))
                return Fail(segment, $"'{Prefix(index)}' is a list; expected an item number (from 0), got '{segment.Text}'");
            if (node is not SequenceNode sequence || item >= count)
                return Fail(segment, $"'{Prefix(index)}' has no item {item} (the scenario lists {count}, numbered from 0); set the whole list instead, like {Prefix(index)}=[...]");
            var child = SetAt(sequence.Items[item], element, index + 1);
            return child is null ? null : sequence.WithItem(item, child);
        }

        private string Prefix(int index) => string.Join('.', segments.Take(index).Select(s => s.Text));

        private string Under(int index) => index == 0 ? "" : $" in {Prefix(index)}";

        private ScenarioNode? Fail(Segment segment, string message)
        {
            problems.Add(segment.Spot.Problem($"{message} (in --set {text})"));
            return null;
        }
    }
}
