using MathNet.Numerics.LinearAlgebra;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Uncertainty of a fit, from the loss around it. With n observations and p parameters, n > p:
/// a central finite-difference Hessian H of the loss; as for weighted least squares,
/// cov ≈ 2σ²H⁻¹ with σ² = loss/(n − p). Otherwise (or when H is not positive definite) the
/// profile: the loss at ±10% of each parameter's range.
/// </summary>
internal static class CalibrationUncertainty
{
    // Difference step as a share of the range: small against the bounds, large against rounding.
    private const double StepShare = 1e-3;
    private const double ProfileShare = 0.1;

    public static IReadOnlyList<ParameterUncertainty> Estimate(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<double> fit,
        double loss, int observations, Func<double[], double> lossAt)
    {
        var p = parameters.Count;
        if (observations > p && StandardErrors(parameters, fit, loss, observations, lossAt) is { } se)
            return se.Select(s => new ParameterUncertainty(s, null, null, double.NaN, double.NaN)).ToList();
        return parameters.Select((q, k) =>
        {
            double min = q.Min ?? 0, max = q.Max ?? 1, width = ProfileShare * (max - min);
            var below = Math.Max(min, fit[k] - width);
            var above = Math.Min(max, fit[k] + width);
            return new ParameterUncertainty(null, lossAt(With(fit, k, below)), lossAt(With(fit, k, above)), below, above);
        }).ToList();
    }

    private static double[]? StandardErrors(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<double> fit, double loss,
        int observations, Func<double[], double> lossAt)
    {
        var p = parameters.Count;
        var h = new double[p];
        for (var k = 0; k < p; k++)
        {
            double min = parameters[k].Min ?? 0, max = parameters[k].Max ?? 1;
            h[k] = Math.Min(StepShare * (max - min), 0.5 * Math.Min(fit[k] - min, max - fit[k]));
            if (!(h[k] > 0))
                return null; // at a bound: the loss is not smooth around the fit there
        }
        var f0 = lossAt([.. fit]);
        var hessian = Matrix<double>.Build.Dense(p, p);
        for (var i = 0; i < p; i++)
        {
            var up = lossAt(With(fit, i, fit[i] + h[i]));
            var down = lossAt(With(fit, i, fit[i] - h[i]));
            hessian[i, i] = (up - 2 * f0 + down) / (h[i] * h[i]);
            for (var j = 0; j < i; j++)
            {
                double At(int si, int sj) => lossAt(With(With(fit, i, fit[i] + si * h[i]), j, fit[j] + sj * h[j]));
                var mixed = (At(1, 1) - At(1, -1) - At(-1, 1) + At(-1, -1)) / (4 * h[i] * h[j]);
                hessian[i, j] = mixed;
                hessian[j, i] = mixed;
            }
        }
        if (!hessian.Enumerate().All(double.IsFinite))
            return null;
        try
        {
            var inverse = hessian.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
            var sigma2 = loss / (observations - p);
            return Enumerable.Range(0, p).Select(k => Math.Sqrt(2 * sigma2 * inverse[k, k])).ToArray();
        }
        catch (ArgumentException)
        {
            return null; // not positive definite: the fit is not a strict minimum in every direction
        }
    }

    private static double[] With(IReadOnlyList<double> values, int k, double value)
    {
        var copy = values.ToArray();
        copy[k] = value;
        return copy;
    }
}
