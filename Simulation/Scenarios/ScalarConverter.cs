using System.Globalization;
using TrustSim.Core;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>Reads one YAML scalar as the type a scenario property needs, with a message when it cannot.</summary>
internal static class ScalarConverter
{
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryConvert(ScalarNode node, Type type, out object? value, out string error)
    {
        value = null;
        error = "";
        var bare = Nullable.GetUnderlyingType(type);
        if (node.IsNull && (bare is not null || type == typeof(string)))
        {
            value = type == typeof(string) ? "" : null;
            return true;
        }
        var target = bare ?? type;
        var text = node.Text.Trim();
        if (target == typeof(string))
        {
            value = node.Text;
            return true;
        }
        if (target == typeof(double))
            return TryDouble(node, text, out value, out error);
        if (target == typeof(int) || target == typeof(long) || target == typeof(ulong))
            return TryWhole(node, text, target, out value, out error);
        if (target == typeof(bool))
            return Try(text is "true" or "false", () => text == "true", $"expected true or false, got {node.Describe()}", out value, out error);
        if (target == typeof(DateOnly))
        {
            var ok = DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            return Try(ok, () => date, $"expected a date like 2018-03-17, got {node.Describe()}", out value, out error);
        }
        if (target.IsEnum)
            return TryEnum(node, text, target, out value, out error);
        error = $"values of type {target.Name} cannot be read from YAML";
        return false;
    }

    private static bool TryDouble(ScalarNode node, string text, out object? value, out string error)
    {
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        // The engine cannot use NaN or infinity, whether written the YAML way (.nan, .inf) or the .NET way.
        if (IsNonFiniteWord(text) || parsed && !double.IsFinite(number))
        {
            value = null;
            error = $"expected a finite number, got {node.Describe()}";
            return false;
        }
        return Try(parsed, () => number, $"expected a number, got {node.Describe()}", out value, out error);
    }

    private static bool IsNonFiniteWord(string text) =>
        text.TrimStart('+', '-').ToLowerInvariant() is ".inf" or ".nan" or "inf" or "nan" or "infinity" or "∞";

    // Exact integers beyond this lose digits as doubles, so 1e6-style input stops being exact there.
    private const double LargestExactDouble = 9007199254740992;

    private static bool TryWhole(ScalarNode node, string text, Type target, out object? value, out string error)
    {
        var (min, max) = target == typeof(ulong) ? (0d, (double)ulong.MaxValue)
            : target == typeof(long) ? (long.MinValue, (double)long.MaxValue)
            : ((double)int.MinValue, (double)int.MaxValue);
        var what = target == typeof(ulong) ? "whole number of 0 or more" : "whole number";
        value = null;
        error = "";
        if (target == typeof(ulong) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            value = u;
        else if (target == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            value = l;
        else if (target == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            value = i;
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d == Math.Floor(d))
        {
            // Counts are often written 1e6; accept that when it is exact and fits.
            if (d < min || d > max)
                error = d < 0 && min == 0 ? $"expected a {what}, got {node.Describe()}" : $"{text} is too large for a {what} here";
            else if (Math.Abs(d) > LargestExactDouble)
                error = $"{text} is too large to be exact; write it out in digits";
            else
                value = Convert.ChangeType(d, target, CultureInfo.InvariantCulture);
            return error.Length == 0;
        }
        else
            error = $"expected a {what}, got {node.Describe()}";
        return error.Length == 0;
    }

    private static bool TryEnum(ScalarNode node, string text, Type target, out object? value, out string error)
    {
        if (SnakeCase.TryParseEnum(target, text, out value))
        {
            error = "";
            return true;
        }
        var names = SnakeCase.EnumNames(target);
        var nearest = KeySuggester.Nearest(text, names);
        error = $"expected one of {string.Join(", ", names)}, got {node.Describe()}" + (nearest is null ? "" : $"; did you mean '{nearest}'?");
        return false;
    }

    private static bool Try(bool ok, Func<object> make, string message, out object? value, out string error)
    {
        value = ok ? make() : null;
        error = ok ? "" : message;
        return ok;
    }
}
