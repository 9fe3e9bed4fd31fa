using System.Globalization;
using System.Text;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// Writes a resolved scenario as YAML with every key, defaults included, so that the file saved
/// with a run reproduces it exactly whatever later versions choose as defaults.
/// </summary>
internal static class ScenarioWriter
{
    private const string Header = "# Resolved scenario: defaults, extends and --set applied. Loading it reproduces the run.";

    public static string ToYaml(Scenario scenario)
    {
        var lines = new List<string> { Header };
        WriteRecord(lines, scenario, typeof(Scenario), 0);
        return string.Join('\n', lines) + "\n";
    }

    private static void WriteRecord(List<string> lines, object record, Type type, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            var value = key.Property.GetValue(record);
            if (value is not null && ScenarioShape.IsRecord(key.Type))
            {
                lines.Add($"{pad}{key.Name}:");
                WriteRecord(lines, value, key.Type, indent + 2);
            }
            else if (ScenarioShape.ListElement(key.Type) is { } element)
                WriteList(lines, key.Name, (System.Collections.IEnumerable?)value, element, indent);
            else if (ScenarioShape.IsTable(key.Type, out _, out _))
                WriteTable(lines, key.Name, (System.Collections.IDictionary?)value, indent);
            else
                lines.Add($"{pad}{key.Name}: {Scalar(value)}");
        }
    }

    private static void WriteList(List<string> lines, string name, System.Collections.IEnumerable? items, Type element, int indent)
    {
        var pad = new string(' ', indent);
        var all = items?.Cast<object>().ToList() ?? [];
        if (all.Count == 0 || !ScenarioShape.IsRecord(element))
        {
            lines.Add($"{pad}{name}: [{string.Join(", ", all.Select(Scalar))}]");
            return;
        }
        lines.Add($"{pad}{name}:");
        foreach (var item in all)
        {
            // Write the item two levels in, then put the dash where its first key's indent began.
            var first = lines.Count;
            WriteRecord(lines, item, element, indent + 4);
            lines[first] = $"{pad}  - {lines[first][(indent + 4)..]}";
        }
    }

    private static void WriteTable(List<string> lines, string name, System.Collections.IDictionary? table, int indent)
    {
        var pad = new string(' ', indent);
        if (table is null || table.Count == 0)
        {
            lines.Add($"{pad}{name}: {{}}");
            return;
        }
        lines.Add($"{pad}{name}:");
        // Enum order, not insertion order, so equal tables are written identically.
        foreach (var key in table.Keys.Cast<object>().OrderBy(k => Convert.ToInt64(k, CultureInfo.InvariantCulture)))
            lines.Add($"{pad}  {SnakeCase.EnumName(key)}: {Scalar(table[key])}");
    }

    /// <summary>One value in the form the loader reads back to the same value.</summary>
    public static string Scalar(object? value) => value switch
    {
        null => "~",
        string text => Quote(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString(ScalarConverter.DateFormat, CultureInfo.InvariantCulture),
        Enum member => SnakeCase.EnumName(member),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                // YAML reads U+2028/U+2029 as line breaks (and U+FEFF as a byte-order mark), so they are escaped like controls.
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
