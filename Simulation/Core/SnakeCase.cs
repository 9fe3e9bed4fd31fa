using System.Text;

namespace TrustSim.Core;

/// <summary>
/// The one snake_case of the tool: scenario keys, enum values in YAML and CSV, event subjects and metric
/// names are all written with it (SalienceExponent is salience_exponent, ModeSwitch is mode_switch).
/// </summary>
internal static class SnakeCase
{
    /// <summary>
    /// A word starts at a capital after a lower-case letter or digit, or at the last capital of an
    /// acronym followed by lower case (HTTPServer is http_server).
    /// </summary>
    public static string From(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                var wordStart = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                    || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (wordStart) text.Append('_');
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>The snake_case names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(From).ToList();

    public static string EnumName(object value) => From(value.ToString() ?? "");

    /// <summary>The enum value written as <paramref name="text"/>, matched exactly in snake_case.</summary>
    public static bool TryParseEnum(Type enumType, string text, out object? value)
    {
        foreach (var name in Enum.GetNames(enumType))
        {
            if (From(name) != text)
                continue;
            value = Enum.Parse(enumType, name);
            return true;
        }
        value = null;
        return false;
    }
}
