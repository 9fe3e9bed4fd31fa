using System.Text;

namespace TrustSim.Core;

/// <summary>Scenario keys and enum values are written in snake_case: SalienceExponent is salience_exponent.</summary>
internal static class SnakeCase
{
    public static string From(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
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
