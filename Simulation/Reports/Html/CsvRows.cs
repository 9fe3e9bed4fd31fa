using System.Globalization;
using TrustSim.Core;

namespace TrustSim.Reports.Html;

/// <summary>
/// A CSV file of the folder as rows of text, read through <see cref="CsvSheet"/> (so a cut or ragged file is
/// refused with its line); the page picks its columns by name and formats the numbers itself.
/// </summary>
internal sealed record CsvRows(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>Every row of <paramref name="path"/>, whose header must name each of <paramref name="required"/>.</summary>
    public static CsvRows Read(string path, IReadOnlyList<string> required)
    {
        using var sheet = CsvSheet.Open(path, required);
        var rows = new List<string[]>();
        while (sheet.Next()) rows.Add(Enumerable.Range(0, sheet.Header.Count).Select(sheet.Text).ToArray());
        return new CsvRows(sheet.Header.ToArray(), rows);
    }

    /// <summary>The index of column <paramref name="name"/>, or -1.</summary>
    public int Column(string name)
    {
        for (int c = 0; c < Header.Count; c++)
        {
            if (Header[c] == name) return c;
        }
        return -1;
    }

    /// <summary>A field as a number; NaN when empty or not a number (the checked readers have refused such files already).</summary>
    public static double Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;

    /// <summary>Field <paramref name="column"/> of <paramref name="row"/> as a number (NaN when the column is absent).</summary>
    public static double Number(string[] row, int column) => column < 0 || column >= row.Length ? double.NaN : Number(row[column]);

    /// <summary>Field <paramref name="column"/> of <paramref name="row"/> formatted for the page ("" when absent or empty).</summary>
    public static string Formatted(string[] row, int column) => ReportNumbers.Format(Number(row, column));
}
