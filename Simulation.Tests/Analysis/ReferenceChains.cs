using TrustSim.Core;

namespace TrustSim.Tests.Analysis;

/// <summary>
/// Fixed chains, drawn from seeded streams, whose diagnostics were computed by the R package posterior
/// (the reference implementation of Vehtari et al. 2021) for <see cref="ChainDiagnosticsTests"/>.
/// </summary>
internal static class ReferenceChains
{
    /// <summary>Four chains of 500 from an AR(1) with autocorrelation 0.7.</summary>
    public static double[][] Ar1() => Enumerable.Range(0, 4).Select(k => Autoregressive(new RandomStream(300 + (ulong)k), 500, 0.7)).ToArray();

    /// <summary>Four chains of 300 independent normals, the fourth shifted up by 0.3.</summary>
    public static double[][] Shifted() => Enumerable.Range(0, 4)
        .Select(k => Autoregressive(new RandomStream(400 + (ulong)k), 300, 0).Select(x => k == 3 ? x + 0.3 : x).ToArray()).ToArray();

    /// <summary>Three chains of 401 (an odd length) from exp of an AR(1) with autocorrelation 0.5: skewed, heavy right tail.</summary>
    public static double[][] LogNormal() => Enumerable.Range(0, 3)
        .Select(k => Autoregressive(new RandomStream(500 + (ulong)k), 401, 0.5).Select(Math.Exp).ToArray()).ToArray();

    private static double[] Autoregressive(RandomStream random, int n, double rho)
    {
        var x = new double[n];
        x[0] = random.NextGaussian();
        for (var t = 1; t < n; t++) x[t] = rho * x[t - 1] + Math.Sqrt(1 - rho * rho) * random.NextGaussian();
        return x;
    }
}
