namespace TrustSim.Tests.Analysis;

/// <summary>Standard sensitivity-analysis test functions with known indices.</summary>
internal static class TestFunctions
{
    public const double IshigamiA = 7, IshigamiB = 0.1;

    /// <summary>Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, inputs uniform on [-pi, pi].</summary>
    public static double Ishigami(IReadOnlyList<double> x) =>
        Math.Sin(x[0]) + IshigamiA * Math.Pow(Math.Sin(x[1]), 2) + IshigamiB * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    /// <summary>Analytic (S1, ST) of the Ishigami function, and its only interaction S13.</summary>
    public static (double[] First, double[] Total, double S13) IshigamiIndices()
    {
        var (a, b, pi4) = (IshigamiA, IshigamiB, Math.Pow(Math.PI, 4));
        var v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2);
        var v2 = a * a / 8;
        var v13 = b * b * pi4 * pi4 * (1.0 / 18 - 1.0 / 50);
        var v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v], v13 / v);
    }

    /// <summary>Sobol's G-function: product of (|4 x_i - 2| + a_i) / (1 + a_i), inputs uniform on [0, 1].</summary>
    public static double G(IReadOnlyList<double> x, IReadOnlyList<double> a)
    {
        var product = 1.0;
        for (var i = 0; i < a.Count; i++) product *= (Math.Abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        return product;
    }

    /// <summary>Analytic S1 and ST of the G-function from V_i = 1 / (3 (1 + a_i)^2).</summary>
    public static (double[] First, double[] Total) GIndices(IReadOnlyList<double> a)
    {
        var vi = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        var v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        var first = vi.Select(x => x / v).ToArray();
        var total = vi.Select((x, i) => x * vi.Where((_, j) => j != i).Aggregate(1.0, (p, y) => p * (1 + y)) / v).ToArray();
        return (first, total);
    }
}
