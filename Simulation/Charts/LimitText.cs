using System.Globalization;

namespace TrustSim.Charts;

/// <summary>
/// How a box's limits are written, in the charts and on the console alike: to the precision the input's
/// range calls for (three significant digits of the range, so 0.000277 on a 0 to 0.8 range reads 0), and
/// as a one-sided condition when one end is the input's own smallest or largest value.
/// </summary>
internal static class LimitText
{
    /// <summary><paramref name="x"/> rounded to three significant digits of the range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string Value(double x, double min, double max)
    {
        double span = max - min;
        int decimals = span > 0 ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(span)), 0, 12) : 3;
        double rounded = Math.Round(x, decimals);
        return (rounded == 0 ? 0 : rounded).ToString("#,0.############", CultureInfo.InvariantCulture);
    }

    /// <summary>"&lt;= 2.58", "&gt;= 0.4" or "0.2 to 0.6" for limits [<paramref name="low"/>, <paramref name="high"/>] of an input ranging over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string Range(double low, double high, double min, double max)
    {
        bool lower = low > min, upper = high < max;
        return lower && upper ? $"{Value(low, min, max)} to {Value(high, min, max)}"
            : lower ? $">= {Value(low, min, max)}"
            : upper ? $"<= {Value(high, min, max)}"
            : "any";
    }
}
