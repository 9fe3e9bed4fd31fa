using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>
/// Numbers as the page prints them: four significant figures (the files keep every digit), powers of ten
/// for the very large and very small, the same text on every machine.
/// </summary>
internal static class ReportNumbers
{
    /// <summary>Four significant figures; "" for NaN (an undefined value, left empty as in the CSV files).</summary>
    public static string Format(double x)
    {
        if (double.IsNaN(x)) return "";
        if (double.IsPositiveInfinity(x)) return "inf";
        if (double.IsNegativeInfinity(x)) return "-inf";
        if (x == 0) return "0";
        double magnitude = Math.Abs(x);
        if (magnitude >= 1e5 || magnitude < 1e-3) return x.ToString("0.###e+0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude)));
        string text = Math.Round(x, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal)) text = text.TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }

    /// <summary>"[low, high]", or "" when the interval is undefined (too few replications).</summary>
    public static string Interval(double low, double high) =>
        double.IsNaN(low) || double.IsNaN(high) ? "" : $"[{Format(low)}, {Format(high)}]";

    /// <summary>A p-value: "&lt;0.0001" below that, else four decimals at most.</summary>
    public static string P(double p) =>
        double.IsNaN(p) ? "" : p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separated ("12,345").</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
