using System.Globalization;

namespace TrustSim.Analysis.Discovery;

/// <summary>
/// One column of the cases a discovery reads: each case's cell as text (empty when missing) and as a
/// number (NaN when missing or not a number). Whether it is a numeric column or a column of categories
/// is decided by its cells, not by a declaration, and said where it matters.
/// </summary>
internal sealed record CaseColumn
{
    private const NumberStyles NumberForm = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent |
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public CaseColumn(string name, IReadOnlyList<string> cells)
    {
        Name = name;
        Texts = [.. cells.Select(c => IsMissingText(c) ? "" : c)];
        Numbers = [.. Texts.Select(t => t.Length > 0 && double.TryParse(t, NumberForm, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : double.NaN)];
        FirstText = -1;
        for (int i = 0; i < Texts.Count; i++)
        {
            if (Texts[i].Length > 0 && double.IsNaN(Numbers[i]))
            {
                FirstText = i;
                break;
            }
        }
        HasNumbers = Numbers.Any(double.IsFinite);
    }

    public string Name { get; }

    /// <summary>Each case's cell; empty when missing.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Each case's cell as a finite number; NaN when missing or not a number.</summary>
    public IReadOnlyList<double> Numbers { get; }

    /// <summary>The first case whose cell is text that is not a number; -1 when every cell present is a number.</summary>
    public int FirstText { get; }

    /// <summary>True when some cell is a number.</summary>
    public bool HasNumbers { get; }

    /// <summary>A numeric column: every cell present is a finite number.</summary>
    public bool IsNumeric => FirstText < 0;

    /// <summary>Whether case <paramref name="row"/> has no value here.</summary>
    public bool IsMissing(int row) => Texts[row].Length == 0;

    /// <summary>Empty, or how R and pandas write a missing value.</summary>
    public static bool IsMissingText(string cell) =>
        cell.Trim() is "" or "NA" or "NaN" or "nan" or "N/A";
}
