using System.Numerics;
using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Saltelli (2010) sampling for Sobol indices: N points of a scrambled Sobol sequence in 2k
/// dimensions give the base matrices A (first k coordinates) and B (last k); each base row then
/// yields A_j, the k cross points AB_j^(i), optionally the k points BA_j^(i), and B_j, laid out as
/// <see cref="SaltelliLayout"/> describes.
/// </summary>
/// <param name="Layout">Where each A, B, AB and BA point sits among <paramref name="Points"/>.</param>
/// <param name="Points">N (k + 2) or N (2k + 2) design points.</param>
/// <param name="Warnings">Advice on the design (for example a base sample size that is not a power of 2).</param>
internal sealed record SaltelliDesign(SaltelliLayout Layout, IReadOnlyList<DesignPoint> Points, IReadOnlyList<string> Warnings)
{
    /// <summary>Most parameters the direction table supports: 2k Sobol dimensions.</summary>
    public const int MaxParameters = SobolDirections.MaxDimensions / 2;

    /// <param name="parameters">The swept parameters, each with min and max (1 to <see cref="MaxParameters"/>).</param>
    /// <param name="baseRows">N, base samples; a power of 2 keeps the Sobol points balanced.</param>
    /// <param name="secondOrder">Also lay out the BA points for second-order indices.</param>
    /// <param name="rng">The design's generator (from the master seed); it draws the scrambling.</param>
    public static SaltelliDesign Build(IReadOnlyList<SweepParameter> parameters, int baseRows, bool secondOrder, RandomStream rng)
    {
        var k = parameters.Count;
        if (k < 1 || k > MaxParameters)
            throw new ArgumentOutOfRangeException(nameof(parameters), k, $"a Sobol design takes 1 to {MaxParameters} parameters");
        ArgumentOutOfRangeException.ThrowIfLessThan(baseRows, 1);
        var layout = new SaltelliLayout(baseRows, k, secondOrder);
        var sobol = new SobolSequence(2 * k, rng).Points(baseRows);
        var points = new DesignPoint[layout.PointCount];
        var unit = new double[k];
        for (var j = 0; j < baseRows; j++)
        {
            var a = sobol[j].AsSpan(0, k);
            var b = sobol[j].AsSpan(k, k);
            points[layout.A(j)] = UnitCube.ToPoint(layout.A(j), parameters, a);
            for (var i = 0; i < k; i++)
            {
                a.CopyTo(unit);
                unit[i] = b[i];
                points[layout.AB(j, i)] = UnitCube.ToPoint(layout.AB(j, i), parameters, unit);
                if (!secondOrder) continue;
                b.CopyTo(unit);
                unit[i] = a[i];
                points[layout.BA(j, i)] = UnitCube.ToPoint(layout.BA(j, i), parameters, unit);
            }
            points[layout.B(j)] = UnitCube.ToPoint(layout.B(j), parameters, b);
        }
        return new SaltelliDesign(layout, points, Advice(baseRows));
    }

    private static IReadOnlyList<string> Advice(int baseRows)
    {
        if (BitOperations.IsPow2(baseRows)) return [];
        var below = (int)BitOperations.RoundUpToPowerOf2((uint)baseRows) / 2;
        var above = below * 2L;
        return [$"sobol: sweep.samples = {baseRows} is not a power of 2; the Sobol points are evenly balanced only at powers of 2, so take {below} or {above} for steadier indices"];
    }
}
