using System.Buffers;
using System.Globalization;

namespace TrustSim.Core;

/// <summary>How values look in the run's CSV files: culture-free, shortest round-trip, NaN as an empty field.</summary>
internal static class CsvText
{
    /// <summary>First characters that make a spreadsheet take a cell for a formula (OWASP CSV injection).</summary>
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    /// <summary>Numbers as <see cref="Number"/> and <see cref="Integer(long)"/> write them: no spaces, no thousands.</summary>
    private const NumberStyles NumberForm = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Shortest text that parses back to the same double; NaN (an undefined metric) is empty.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Integer(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A seed as text (<see cref="SeedText.Format"/>), so no program that reads the file turns it into a nearby double.</summary>
    public static string Seed(ulong value) => SeedText.Format(value);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An enum value in snake_case (ModeSwitch -> mode_switch), as the scenario YAML spells them.</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum => Core.SnakeCase.From(value.ToString());

    /// <summary>
    /// A field as it goes into a CSV file. A number is untouched (-0.5 stays a number); text whose
    /// first character is = + - @ tab or CR, after any run of single quotes, gets one more leading
    /// single quote, so a spreadsheet shows it as text instead of evaluating it. The extra quote for
    /// text already starting with quotes keeps <see cref="Raw"/> exact. CsvTable applies this to every field.
    /// </summary>
    public static string Cell(string field) => StartsFormula(field) && !IsNumber(field) ? "'" + field : field;

    /// <summary>The value a field held before <see cref="Cell"/>: strips the one quote it added.</summary>
    public static string Raw(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && StartsFormula(cell.AsSpan(1)) ? cell[1..] : cell;

    private static bool StartsFormula(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<char> rest = field.TrimStart('\'');
        return rest.Length > 0 && FormulaStart.Contains(rest[0]);
    }

    private static bool IsNumber(string field) => double.TryParse(field, NumberForm, CultureInfo.InvariantCulture, out _);
}
