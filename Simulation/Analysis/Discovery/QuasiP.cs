using MathNet.Numerics;

namespace TrustSim.Analysis.Discovery;

/// <summary>
/// Bryant and Lempert's (2010) quasi-p-value of one restriction of a box: a one-sided binomial test of
/// whether the box is denser than the same box without that restriction. Under the null the box's cases
/// are a draw from the wider box, each of interest with the wider box's density; the value is the chance
/// of at least as many cases of interest as the box has. "Quasi" because the box was chosen by looking
/// at these same data, so it is a guide to which restrictions matter, not a calibrated test.
/// </summary>
internal static class QuasiP
{
    /// <summary>P(X &gt;= <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="p"/>).</summary>
    public static double UpperTail(int successes, int trials, double p)
    {
        if (successes <= 0) return 1;
        if (successes > trials || p <= 0) return 0;
        if (p >= 1) return 1;
        // The regularized incomplete beta gives the tail directly, accurate where 1 - CDF would round to 0.
        return SpecialFunctions.BetaRegularized(successes, trials - successes + 1, p);
    }

    /// <summary>The quasi-p-value of input <paramref name="j"/>'s restriction of <paramref name="box"/>, among the searched cases.</summary>
    public static double Of(PrimData data, PrimBox box, IReadOnlyList<bool> active, int j)
    {
        int[] inBox = data.Members(box, active);
        int[] wider = data.Members(box, active, except: j);
        return UpperTail(data.CountInteresting(inBox), inBox.Length, (double)data.CountInteresting(wider) / wider.Length);
    }
}
