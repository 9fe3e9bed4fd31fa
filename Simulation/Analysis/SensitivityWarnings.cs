using System.Globalization;
using System.Numerics;

namespace TrustSim.Analysis;

/// <summary>
/// Plain-words warnings on sensitivity indices that the data do not pin down: a 95% interval wider
/// than the index it bounds, or an index below zero (or a Sobol index above one) by more than its
/// interval allows. Each says
/// what sample size would help, using that interval widths shrink as 1/sqrt(N):
/// N_needed = N (width / target)^2.
/// </summary>
internal static class SensitivityWarnings
{
    /// <summary>
    /// Interval width (in shares of variance) that counts as pinned down for a Sobol index however
    /// small it is: without it every negligible parameter would draw a warning.
    /// </summary>
    public const double SobolFloor = 0.05;

    /// <param name="design">Design name that starts each message (sobol, morris).</param>
    /// <param name="rows">The indices; rows without a finite interval are skipped.</param>
    /// <param name="samples">The N the estimates used (Sobol base rows, Morris trajectories).</param>
    /// <param name="floor">Interval width that is good enough whatever the index (same units as the index).</param>
    /// <param name="powerOfTwo">Round the suggested N up to a power of 2 (Sobol).</param>
    public static IReadOnlyList<string> For(string design, IEnumerable<SensitivityRow> rows, int samples, double floor, bool powerOfTwo) =>
        rows.Select(r => Assess(design, r, samples, floor, powerOfTwo)).OfType<Unsettled>().Select(u => u.Warning).ToList();

    /// <summary>A row whose estimate has not settled, with the sample size that would settle it.</summary>
    public sealed record Unsettled(SensitivityRow Row, string Warning, long Needed);

    /// <summary>The row's warning and suggested N when the data do not pin it down; null when they do (or it has no interval).</summary>
    public static Unsettled? Assess(string design, SensitivityRow row, int samples, double floor, bool powerOfTwo)
    {
        if (!double.IsFinite(row.CiLow) || !double.IsFinite(row.CiHigh) || !double.IsFinite(row.Value)) return null;
        var width = row.CiHigh - row.CiLow;
        var name = $"{row.Index}[{row.Parameter}]";
        if (row.Value < 0 && row.CiHigh < 0)
        {
            // No true index is negative, so the error is at least |value|: ask for N that brings it within the floor.
            var needed = Needed(samples, 2 * Math.Abs(row.Value), floor, powerOfTwo);
            return new Unsettled(row, Text($"{design}: {name} = {row.Value:0.####} is negative beyond its 95% CI [{row.CiLow:0.####}, {row.CiHigh:0.####}]; an index cannot be negative, so the estimate has not settled at N = {samples}. Errors shrink as 1/sqrt(N): about sweep.samples = {needed} would bring this one within {floor / 2:0.####} of zero."), needed);
        }
        if (design == "sobol" && row.Value > 1 && row.CiLow > 1)
        {
            // A share of variance cannot exceed 1: as for a negative index, the error is at least the excess.
            var needed = Needed(samples, 2 * (row.Value - 1), floor, powerOfTwo);
            return new Unsettled(row, Text($"{design}: {name} = {row.Value:0.####} is above 1 beyond its 95% CI [{row.CiLow:0.####}, {row.CiHigh:0.####}]; a share of variance cannot exceed 1, so the estimate has not settled at N = {samples}. Errors shrink as 1/sqrt(N): about sweep.samples = {needed} would bring this one within {floor / 2:0.####} of 1."), needed);
        }
        if (width > Math.Max(Math.Abs(row.Value), floor))
        {
            var target = Math.Max(Math.Abs(row.Value), floor);
            var needed = Needed(samples, width, target, powerOfTwo);
            return new Unsettled(row, Text($"{design}: the 95% CI of {name} is [{row.CiLow:0.####}, {row.CiHigh:0.####}] (width {width:0.####}), wider than the index {row.Value:0.####} itself at N = {samples}. CI width shrinks as 1/sqrt(N): about sweep.samples = {needed} would narrow it to {target:0.####}."), needed);
        }
        return null;
    }

    /// <summary>N (width / target)^2, rounded up (to a power of 2 if asked).</summary>
    public static long Needed(int samples, double width, double target, bool powerOfTwo)
    {
        var n = Math.Ceiling(samples * Math.Pow(width / target, 2) - 1e-9); // no extra unit from rounding of the ratio
        var whole = n >= int.MaxValue ? int.MaxValue : Math.Max(samples + 1, (long)n);
        return powerOfTwo && whole < (1L << 62) ? (long)BitOperations.RoundUpToPowerOf2((ulong)whole) : whole;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
