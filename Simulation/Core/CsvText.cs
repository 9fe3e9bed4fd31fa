using System.Globalization;

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
    public static string Enum<T>(T value) where T : struct, System.Enum => Core.SnakeCase.From(value.ToString());
}
