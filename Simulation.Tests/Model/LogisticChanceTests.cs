using TrustSim.Core;
using TrustSim.Model;

namespace TrustSim.Tests.Model;

public sealed class LogisticChanceTests
{
    [Fact]
    public void Below_RandomUtilitiesAndUniforms_AnswersAsTheLogisticDoes()
    {
        var rng = new RandomStream(11);
        var table = LogisticChance.Table;
        for (var d = 0; d < 2_000_000; d++)
        {
            var z = 48 * rng.NextUnit() - 24;
            var u = rng.NextUnit();
            Assert.Equal(u < Logistic.Of(z), LogisticChance.Below(table, u, z));
        }
    }

    // The uniforms that decide: L(z) itself and its neighbouring doubles, at grid points, between
    // them, beyond the table and at the special values.
    [Fact]
    public void Below_UniformsAtTheBoundary_AnswersAsTheLogisticDoes()
    {
        var rng = new RandomStream(12);
        var table = LogisticChance.Table;
        var zs = new List<double> { 0, -16, 16, -16.0 / 64, 1.0 / 128, 15.999, -15.999, 16.001, -16.001, 40, -40, 700, -700,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, -double.Epsilon };
        for (var k = 0; k < 200_000; k++) zs.Add(40 * rng.NextUnit() - 20);
        for (var j = -1030; j <= 1030; j++) zs.Add(j / 64.0);
        foreach (var z in zs)
        {
            var l = Logistic.Of(z);
            foreach (var u in new[] { l, Math.BitDecrement(l), Math.BitIncrement(l), l - 1e-5, l + 1e-5, l - 2e-5, l + 2e-5, 0, 1e-300, Math.BitDecrement(1.0) })
                if (u is >= 0 and < 1) Assert.Equal(u < l, LogisticChance.Below(table, u, z));
        }
    }
}
