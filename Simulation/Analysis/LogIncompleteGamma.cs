using MathNet.Numerics;

namespace TrustSim.Analysis;

/// <summary>
/// Logarithms of the regularized incomplete gamma functions P(a, x) and Q(a, x) that stay finite where
/// the functions themselves underflow (x far into either tail). MathNet gives P and Q, not their logs:
/// e^-7800 is 0 in a double, and a likelihood that is ln 0 = -infinity over a whole region leaves a
/// Markov chain started there with no slope to climb (every neighbour is equally "impossible").
/// </summary>
internal static class LogIncompleteGamma
{
    private const double Tiny = 1e-300;
    private const double Epsilon = 1e-15;
    private const int MaxTerms = 10_000;

    /// <summary>ln P(a, x), the lower regularized incomplete gamma function (a &gt; 0, x &gt;= 0).</summary>
    public static double LogLower(double a, double x)
    {
        if (x <= 0) return double.NegativeInfinity;
        var p = SpecialFunctions.GammaLowerRegularized(a, x);
        if (p > 1e-250) return Math.Log(p);
        // Deep in the lower tail (x << a): the series P = e^-x x^a / Gamma(a+1) * sum x^k / ((a+1)...(a+k)).
        double sum = 1, term = 1;
        for (var k = 1; k < MaxTerms; k++)
        {
            term *= x / (a + k);
            sum += term;
            if (term < sum * Epsilon) break;
        }
        return -x + a * Math.Log(x) - SpecialFunctions.GammaLn(a + 1) + Math.Log(sum);
    }

    /// <summary>ln Q(a, x) = ln(1 - P(a, x)), the upper regularized incomplete gamma function (a &gt; 0, x &gt;= 0).</summary>
    public static double LogUpper(double a, double x)
    {
        if (x <= 0) return 0;
        var q = SpecialFunctions.GammaUpperRegularized(a, x);
        if (q > 1e-250) return Math.Log(q);
        // Deep in the upper tail (x >> a): Legendre's continued fraction by the modified Lentz method,
        // Q = e^-x x^a / Gamma(a) * h (Numerical Recipes, gcf).
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (var i = 1; i < MaxTerms; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return -x + a * Math.Log(x) - SpecialFunctions.GammaLn(a) + Math.Log(h);
    }

    /// <summary>ln of the probability that a Gamma(a, 1) variable lies in [low, high] (0 &lt;= low &lt; high), from whichever tail keeps its digits.</summary>
    public static double LogShare(double a, double low, double high)
    {
        // Mass mostly above low: share = Q(low) - Q(high); else P(high) - P(low).
        if (SpecialFunctions.GammaLowerRegularized(a, low) >= 0.5)
        {
            double qLow = LogUpper(a, low), qHigh = LogUpper(a, high);
            return qLow + Math.Log(-double.ExpM1(qHigh - qLow));
        }
        double pHigh = LogLower(a, high), pLow = LogLower(a, low);
        return pHigh + Math.Log(-double.ExpM1(pLow - pHigh));
    }
}
