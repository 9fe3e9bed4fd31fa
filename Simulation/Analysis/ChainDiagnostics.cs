using MathNet.Numerics.Distributions;

namespace TrustSim.Analysis;

/// <summary>
/// Convergence diagnostics of MCMC draws from several chains of equal length, as Vehtari et al.
/// (2021) define them and the R package posterior computes them: split R-hat on rank-normalised draws
/// and on rank-normalised folded draws |x - median|, bulk ESS on rank-normalised split chains, tail
/// ESS as the smaller ESS of the indicators x ≤ q5% and x ≤ q95%. Every ESS is the multi-chain estimate
/// with Geyer's initial monotone sequence over the autocorrelations pooled across chains.
/// </summary>
internal static class ChainDiagnostics
{
    public static ChainConvergence Of(IReadOnlyList<double[]> chains) => new(Rhat(chains), BulkEss(chains), TailEss(chains));

    /// <summary>max(rank-normalised split R-hat, rank-normalised split R-hat of the folded draws).</summary>
    public static double Rhat(IReadOnlyList<double[]> chains)
    {
        if (Undefined(chains)) return double.NaN;
        var split = Split(chains);
        var median = DrawSummary.Quantile(Pooled(chains), 0.5);
        var folded = split.Select(c => c.Select(x => Math.Abs(x - median)).ToArray()).ToList();
        return Math.Max(PlainRhat(RankNormalised(split)), PlainRhat(RankNormalised(folded)));
    }

    /// <summary>ESS of the bulk: of the rank-normalised split chains.</summary>
    public static double BulkEss(IReadOnlyList<double[]> chains) =>
        Undefined(chains) ? double.NaN : Ess(RankNormalised(Split(chains)));

    /// <summary>ESS of the tails: the smaller of the ESS of the indicators of the 5% and 95% quantiles, on split chains.</summary>
    public static double TailEss(IReadOnlyList<double[]> chains)
    {
        if (Undefined(chains)) return double.NaN;
        var pooled = Pooled(chains);
        double Indicator(double p)
        {
            var q = DrawSummary.Quantile(pooled, p);
            return Ess(Split(chains.Select(c => c.Select(x => x <= q ? 1.0 : 0.0).ToArray()).ToList()));
        }
        return Math.Min(Indicator(0.05), Indicator(0.95));
    }

    /// <summary>
    /// The split R-hat of chains already split (no ranks): sqrt(((n-1)/n W + B/n) / W), with W the mean
    /// within-chain variance and B/n the variance of the chain means.
    /// </summary>
    public static double PlainRhat(IReadOnlyList<double[]> chains)
    {
        int m = chains.Count, n = chains[0].Length;
        if (m < 2 || n < 2) return double.NaN;
        var means = chains.Select(c => c.Average()).ToArray();
        var within = chains.Select((c, j) => c.Sum(x => (x - means[j]) * (x - means[j])) / (n - 1)).Average();
        var grand = means.Average();
        var betweenOverN = means.Sum(x => (x - grand) * (x - grand)) / (m - 1);
        return Math.Sqrt(((n - 1.0) / n * within + betweenOverN) / within);
    }

    /// <summary>
    /// Effective sample size of the chains as given (not split, not ranked): m n / tau, with tau = -1 + 2 x
    /// the sum of the autocorrelations (estimated from all chains together) truncated by Geyer's initial
    /// positive sequence and made monotone; tau is at least 1/log10(m n), which caps the ESS of
    /// antithetic chains. NaN for fewer than three draws per chain or all draws equal.
    /// </summary>
    public static double Ess(IReadOnlyList<double[]> chains)
    {
        int m = chains.Count, n = chains[0].Length;
        if (n < 3 || Undefined(chains)) return double.NaN;
        var centred = chains.Select(c =>
        {
            var mean = c.Average();
            return c.Select(x => x - mean).ToArray();
        }).ToArray();
        // Mean over chains of the biased autocovariance at a lag (divided by n, as an FFT estimate is).
        double MeanAutocovariance(int lag)
        {
            var sum = 0.0;
            foreach (var c in centred)
            {
                var s = 0.0;
                for (var i = 0; i + lag < n; i++) s += c[i] * c[i + lag];
                sum += s / n;
            }
            return sum / m;
        }
        var meanVar = MeanAutocovariance(0) * n / (n - 1);
        var varPlus = meanVar * (n - 1) / n;
        if (m > 1)
        {
            var means = chains.Select(c => c.Average()).ToArray();
            var grand = means.Average();
            varPlus += means.Sum(x => (x - grand) * (x - grand)) / (m - 1);
        }
        double Rho(int lag) => 1 - (meanVar - MeanAutocovariance(lag)) / varPlus;

        var rho = new double[n];
        rho[0] = 1;
        rho[1] = Rho(1);
        var t = 0;
        double even = 1, odd = rho[1];
        while (t < n - 5 && !double.IsNaN(even + odd) && even + odd > 0)
        {
            t += 2;
            even = Rho(t);
            odd = Rho(t + 1);
            if (even + odd >= 0)
            {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        var last = t;
        if (even > 0) rho[last] = even;
        // Geyer's initial monotone sequence: the sums of pairs may not rise.
        t = 0;
        while (t <= last - 4)
        {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1])
            {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        var draws = (double)m * n;
        var sumRho = 0.0;
        for (var k = 0; k < last; k++) sumRho += rho[k];
        var tau = -1 + 2 * sumRho + rho[last];
        tau = Math.Max(tau, 1 / Math.Log10(draws));
        return draws / tau;
    }

    /// <summary>Each chain cut in two halves (the middle draw of an odd length dropped): 2m chains of floor(n/2).</summary>
    public static IReadOnlyList<double[]> Split(IReadOnlyList<double[]> chains)
    {
        var n = chains[0].Length;
        var half = n / 2;
        return chains.SelectMany(c => new[] { c[..half], c[(n - half)..] }).ToList();
    }

    /// <summary>
    /// Draws replaced by normal scores of their ranks over all chains: Phi^-1((r - 3/8)/(S + 1/4)), with
    /// ties given their average rank (Blom 1958, as Vehtari et al. 2021 use).
    /// </summary>
    public static IReadOnlyList<double[]> RankNormalised(IReadOnlyList<double[]> chains)
    {
        var pooled = Pooled(chains);
        var total = pooled.Length;
        var order = Enumerable.Range(0, total).OrderBy(i => pooled[i]).ThenBy(i => i).ToArray();
        var ranks = new double[total];
        for (var start = 0; start < total;)
        {
            var end = start;
            while (end + 1 < total && pooled[order[end + 1]] == pooled[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        var result = new List<double[]>();
        var offset = 0;
        foreach (var c in chains)
        {
            result.Add(Enumerable.Range(0, c.Length).Select(i => Normal.InvCDF(0, 1, (ranks[offset + i] - 0.375) / (total + 0.25))).ToArray());
            offset += c.Length;
        }
        return result;
    }

    private static double[] Pooled(IReadOnlyList<double[]> chains) => chains.SelectMany(c => c).ToArray();

    /// <summary>No chains, chains of unequal or too short length, a value that is not finite, or every draw equal.</summary>
    private static bool Undefined(IReadOnlyList<double[]> chains)
    {
        if (chains.Count == 0 || chains[0].Length < 4 || chains.Any(c => c.Length != chains[0].Length)) return true;
        if (chains.Any(c => c.Any(x => !double.IsFinite(x)))) return true;
        var first = chains[0][0];
        return chains.All(c => c.All(x => x == first));
    }
}
