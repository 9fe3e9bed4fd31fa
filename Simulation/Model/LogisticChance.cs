using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// Whether a uniform u falls below L(z) (<see cref="Logistic.Of"/>), the adoption draw of a
/// reconsidering user, with the same answer as <c>u &lt; Logistic.Of(z)</c> for every u and z but
/// without its exponential for nearly every draw. A table holds L at every 1/64 of z in [-16, 16];
/// linear interpolation between two entries is within 3e-6 of L (h^2/8 times the largest |L''|,
/// 0.0962), and Logistic.Of within a few 1e-16 of it, so where u lies more than 1e-5 from the
/// interpolated value the comparison is settled; only the draws within 1e-5 (about 2 in 100,000)
/// take the exponential. Beyond |z| = 16, L is within 1.2e-7 of 0 or 1.
/// </summary>
internal static class LogisticChance
{
    private const int PerUnit = 64;
    private const int Reach = 16;
    private const int Steps = 2 * Reach * PerUnit;
    private const double Margin = 1e-5;

    private static readonly double[] Values = Build();

    /// <summary>L(j/64 - 16) for j = 0 .. 2048.</summary>
    public static ReadOnlySpan<double> Table => Values;

    /// <summary>u &lt; Logistic.Of(z), with <paramref name="table"/> = <see cref="Table"/> (passed in so a loop holds it in registers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Below(ReadOnlySpan<double> table, double u, double z)
    {
        var x = (z + Reach) * PerUnit;
        // Comparisons with NaN are false: a NaN z goes to Logistic.Of, as it would without the table.
        if (x >= 0 && x < Steps)
        {
            var j = (int)x;
            var low = table[j];
            var estimate = low + (table[j + 1] - low) * (x - j);
            if (u < estimate - Margin) return true;
            if (u >= estimate + Margin) return false;
        }
        else if (x < 0)
        {
            if (u >= Margin) return false;
        }
        else if (x >= Steps)
        {
            if (u < 1 - Margin) return true;
        }
        return u < Logistic.Of(z);
    }

    private static double[] Build()
    {
        var table = new double[Steps + 1];
        for (var j = 0; j < table.Length; j++) table[j] = Logistic.Of((double)j / PerUnit - Reach);
        return table;
    }
}
