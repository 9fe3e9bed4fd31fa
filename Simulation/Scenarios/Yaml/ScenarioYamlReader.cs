using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TrustSim.Scenarios.Yaml;

/// <summary>
/// Turns YAML text into <see cref="ScenarioNode"/>s, reporting problems instead of throwing.
/// It reads YamlDotNet's event stream rather than its YamlStream: YamlStream stops at the first
/// duplicate key and recurses without limit (a deeply nested file could overflow the stack),
/// while events let us refuse anchors, tags and deep nesting ourselves and keep going.
/// </summary>
internal sealed class ScenarioYamlReader
{
    /// <summary>A scenario is five levels deep; anything near this limit is a mistake or an attack.</summary>
    public const int MaxDepth = 32;

    private readonly string _file;
    private readonly int _lineOffset;
    private readonly int _columnOffset;
    private readonly List<ScenarioProblem> _problems;
    private readonly Stack<SourceSpot> _openFlows = new();
    private IParser _parser = null!;
    private SourceSpot _lastSpot;

    private ScenarioYamlReader(string file, int lineOffset, int columnOffset, List<ScenarioProblem> problems)
    {
        _file = file;
        _lineOffset = lineOffset;
        _columnOffset = columnOffset;
        _problems = problems;
        _lastSpot = SourceSpot.StartOf(file);
    }

    /// <summary>
    /// Parses one YAML document. Returns its root (a null scalar when the text holds no document),
    /// or null when the text could not be parsed; problems go to <paramref name="problems"/>.
    /// The offsets place text that came from elsewhere, such as the value of a <c>--set</c>.
    /// </summary>
    public static ScenarioNode? Read(string text, string file, List<ScenarioProblem> problems, int lineOffset = 0, int columnOffset = 0)
    {
        var reader = new ScenarioYamlReader(file, lineOffset, columnOffset, problems);
        return reader.FindIndentationTabs(text) ? null : reader.ReadDocument(text);
    }

    // YamlDotNet places a tab in indentation at 1:1, so we find them ourselves. Tabs after a key
    // are legal YAML separators and YamlDotNet handles them.
    private bool FindIndentationTabs(string text)
    {
        var found = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] != '\t')
                    continue;
                _problems.Add(SpotAt(i + 1, c + 1).Problem("tab character in indentation; YAML indents with spaces only"));
                found = true;
                break;
            }
        }
        return found;
    }

    private ScenarioNode? ReadDocument(string text)
    {
        try
        {
            _parser = new Parser(new StringReader(text));
            _parser.MoveNext();
            Consume<StreamStart>();
            if (_parser.Current is StreamEnd)
                return new ScalarNode(_lastSpot, "", Quoted: false);
            Consume<DocumentStart>();
            var root = ReadNode(1);
            Consume<DocumentEnd>();
            if (_parser.Current is DocumentStart)
            {
                _problems.Add(Spot(_parser.Current.Start).Problem("only one YAML document is allowed per file (found a second '---')"));
                return null;
            }
            return root;
        }
        catch (YamlException ex)
        {
            _problems.Add(Spot(ex.Start).Problem(Clean(ex.Message)));
        }
        catch (TooDeepException ex)
        {
            _problems.Add(ex.Spot.Problem($"nesting deeper than {MaxDepth} levels is not allowed"));
        }
        catch (Exception)
        {
            // YamlDotNet throws InvalidOperationException for an unclosed flow collection.
            var spot = _openFlows.Count > 0 ? _openFlows.Peek() : _lastSpot;
            var what = _openFlows.Count > 0 ? "this '[' or '{' is never closed" : "malformed YAML near here";
            _problems.Add(spot.Problem(what));
        }
        return null;
    }

    private ScenarioNode? ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        var spot = Spot(current.Start);
        _lastSpot = spot;
        var refused = current is NodeEvent node && Refuse(node, spot);
        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                return refused ? null : new ScalarNode(spot, scalar.Value, scalar.Style is not ScalarStyle.Plain);
            case AnchorAlias alias:
                _problems.Add(spot.Problem($"aliases (*{alias.Value}) are not allowed in a scenario; write the value out"));
                _parser.MoveNext();
                return null;
            case SequenceStart start:
                return ReadSequence(spot, depth, start.Style == SequenceStyle.Flow, refused);
            case MappingStart start:
                return ReadMapping(spot, depth, start.Style == MappingStyle.Flow, refused);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private bool Refuse(NodeEvent node, SourceSpot spot)
    {
        var refused = false;
        if (!node.Anchor.IsEmpty)
        {
            _problems.Add(spot.Problem($"anchors (&{node.Anchor.Value}) are not allowed in a scenario; use 'extends' to share settings"));
            refused = true;
        }
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            _problems.Add(spot.Problem($"tags ({node.Tag.Value}) are not allowed in a scenario"));
            refused = true;
        }
        return refused;
    }

    private SequenceNode? ReadSequence(SourceSpot spot, int depth, bool flow, bool refused)
    {
        Enter(spot, depth, flow);
        var items = new List<ScenarioNode>();
        while (_parser.Current is not SequenceEnd)
        {
            var item = ReadNode(depth + 1);
            // A refused item keeps its place so that list indexes in messages stay true.
            items.Add(item ?? new ScalarNode(_lastSpot, "", Quoted: false));
        }
        Leave(flow);
        return refused ? null : new SequenceNode(spot, items);
    }

    private MappingNode? ReadMapping(SourceSpot spot, int depth, bool flow, bool refused)
    {
        Enter(spot, depth, flow);
        var entries = new List<MappingEntry>();
        // First occurrence of each key, so a duplicate is found in constant time (a file may hold many keys).
        var firstByKey = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        while (_parser.Current is not MappingEnd)
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not ScalarNode scalarKey)
            {
                if (key is not null)
                    _problems.Add(key.Spot.Problem($"a key must be a plain name, got {key.Describe()}"));
                continue;
            }
            if (firstByKey.TryGetValue(scalarKey.Text, out var first))
            {
                _problems.Add(scalarKey.Spot.Problem($"duplicate key '{scalarKey.Text}' (first given at line {first.Key.Spot.Line})"));
            }
            else if (value is not null)
            {
                var entry = new MappingEntry(scalarKey, value);
                entries.Add(entry);
                firstByKey.Add(scalarKey.Text, entry);
            }
        }
        Leave(flow);
        return refused ? null : new MappingNode(spot, entries);
    }

    private void Enter(SourceSpot spot, int depth, bool flow)
    {
        if (depth > MaxDepth)
            throw new TooDeepException(spot);
        if (flow)
            _openFlows.Push(spot);
        _parser.MoveNext();
    }

    private void Leave(bool flow)
    {
        if (flow)
            _openFlows.Pop();
        _parser.MoveNext();
    }

    private void Consume<T>() where T : ParsingEvent
    {
        var at = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        if (at is not T)
            throw new YamlException(at.Start, at.End, $"expected {typeof(T).Name}, found {at.GetType().Name}");
        _parser.MoveNext();
    }

    private SourceSpot Spot(Mark mark) => SpotAt((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private SourceSpot SpotAt(int line, int column) =>
        new(_file, line + _lineOffset, line == 1 ? column + _columnOffset : column);

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the location is ours to print.
    private static string Clean(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : "YAML syntax error";
    }

    private sealed class TooDeepException(SourceSpot spot) : Exception
    {
        public SourceSpot Spot { get; } = spot;
    }
}
