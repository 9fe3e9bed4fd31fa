using MathNet.Numerics.Integration;
using TrustSim.Analysis;

namespace TrustSim.Tests.Analysis;

public sealed class BoundedPriorTests
{
    public static TheoryData<string> Priors => ["uniform", "log_uniform", "normal", "beta", "beta_u", "normal_cut"];

    private static BoundedPrior Make(string name) => name switch
    {
        "uniform" => BoundedPrior.Uniform(0.05, 1),
        "log_uniform" => BoundedPrior.LogUniform(0.5, 10),
        "normal" => BoundedPrior.Normal(3, 1, 0.5, 10),
        "normal_cut" => BoundedPrior.Normal(0.9, 0.5, 0, 1),
        "beta" => BoundedPrior.Beta(2, 5, 0.05, 1),
        _ => BoundedPrior.Beta(0.5, 0.5, 0, 2),
    };

    [Theory]
    [MemberData(nameof(Priors))]
    public void Density_Integrates_ToOneOverTheRange(string name)
    {
        var prior = Make(name);
        // Substitute x = min + (max - min) sin^2(t) so the beta(0.5, 0.5)'s infinite ends are integrable numerically.
        double F(double t)
        {
            var s = Math.Sin(t);
            var x = prior.Min + (prior.Max - prior.Min) * s * s;
            return prior.Density(x) * (prior.Max - prior.Min) * 2 * s * Math.Cos(t);
        }
        var total = GaussLegendreRule.Integrate(F, 1e-12, Math.PI / 2 - 1e-12, 256);
        Assert.Equal(1, total, 3);
    }

    [Theory]
    [MemberData(nameof(Priors))]
    public void Quantile_InvertsTheDistributionFunction(string name)
    {
        var prior = Make(name);
        foreach (var p in new[] { 0.01, 0.1, 0.5, 0.9, 0.99 })
        {
            var q = prior.Quantile(p);
            var mass = GaussLegendreRule.Integrate(prior.Density, prior.Min + 1e-12, q, 512);
            if (prior.Shape == PriorShape.Beta && name == "beta_u") continue; // infinite density at the ends; checked by the integral test
            Assert.Equal(p, mass, 3);
        }
    }

    [Fact]
    public void LogDensity_KnownValues()
    {
        Assert.Equal(-Math.Log(0.95), BoundedPrior.Uniform(0.05, 1).LogDensity(0.3), 12);
        Assert.Equal(-Math.Log(2) - Math.Log(Math.Log(20)), BoundedPrior.LogUniform(0.5, 10).LogDensity(2), 12);
        // N(0, 1) cut to [0, inf-ish]: twice the standard normal density.
        Assert.Equal(Math.Log(2 / Math.Sqrt(2 * Math.PI)), BoundedPrior.Normal(0, 1, 0, 50).LogDensity(0), 10);
        // Beta(2, 2) on [0, 2] at its middle: 6 t (1 - t) / 2 = 0.75.
        Assert.Equal(Math.Log(0.75), BoundedPrior.Beta(2, 2, 0, 2).LogDensity(1), 12);
        Assert.Equal(double.NegativeInfinity, BoundedPrior.Uniform(0, 1).LogDensity(1.5));
    }

    [Theory]
    [InlineData("uniform", false)]
    [InlineData("log_uniform", true)]
    [InlineData("normal", true)]
    [InlineData("beta", false)]
    [InlineData("beta", true)]
    [InlineData("beta_u", false)]
    public void LogDensityOfLogit_IsThePriorTimesTheJacobian(string name, bool log)
    {
        var prior = Make(name);
        foreach (var z in new[] { -6.0, -1.5, 0, 0.7, 4 })
        {
            // The density of z is p(x(z)) |dx/dz|; dx/dz by central differences.
            const double h = 1e-6;
            var derivative = (LogitScale.Value(z + h, prior.Min, prior.Max, log) - LogitScale.Value(z - h, prior.Min, prior.Max, log)) / (2 * h);
            var expected = prior.LogDensity(LogitScale.Value(z, prior.Min, prior.Max, log)) + Math.Log(derivative);
            Assert.Equal(expected, prior.LogDensityOfLogit(z, log), 5);
        }
    }

    [Fact]
    public void LogDensityOfLogit_IntegratesToOneOverTheWholeLine()
    {
        var prior = BoundedPrior.Normal(3, 1, 0.5, 10);
        var total = GaussLegendreRule.Integrate(z => Math.Exp(prior.LogDensityOfLogit(z, true)), -40, 40, 2048);
        Assert.Equal(1, total, 4);
    }

    [Fact]
    public void Describe_SaysFamilyNumbersAndRange()
    {
        Assert.Equal("normal(3, 1) on [0.5, 10]", BoundedPrior.Normal(3, 1, 0.5, 10).Describe());
        Assert.Equal("log-uniform on [0.5, 10]", BoundedPrior.LogUniform(0.5, 10).Describe());
    }
}
