using System.Globalization;
using System.Text;

namespace TrustSim.Core;

/// <summary>How values look in the run's CSV files: culture-free, shortest round-trip, NaN as an empty field.</summary>
internal static class CsvText
{
    /// <summary>Shortest text that parses back to the same double; NaN (an undefined metric) is empty.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Integer(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An enum value in snake_case (ModeSwitch -> mode_switch), as the scenario YAML spells them.</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum => SnakeCase(value.ToString());

    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool wordStart = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (wordStart)
                {
                    text.Append('_');
                }
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
