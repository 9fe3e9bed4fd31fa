using TrustSim.Analysis;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Analysis;

public sealed class LogitScaleTests
{
    [Theory]
    [InlineData(0.05, 1, false)]
    [InlineData(0.5, 10, true)]
    public void Value_IsTheOptimisersSpace(double min, double max, bool log)
    {
        // The posterior samples in the very space Nelder-Mead searches: the same value at every z.
        var p = new SweepParameter { Path = "x", Min = min, Max = max, Log = log };
        foreach (var z in new[] { -5.0, -0.3, 0, 1.2, 7 })
            Assert.Equal(CalibrationSpace.ToValues([p], [z])[0], LogitScale.Value(z, min, max, log));
    }

    [Theory]
    [InlineData(0.05, 1, false)]
    [InlineData(0.5, 10, true)]
    public void Logit_InvertsValue(double min, double max, bool log)
    {
        foreach (var z in new[] { -5.0, -0.3, 0, 1.2, 7 })
            Assert.Equal(z, LogitScale.Logit(LogitScale.Value(z, min, max, log), min, max, log), 8);
    }

    [Theory]
    [InlineData(0.05, 1, false)]
    [InlineData(0.5, 10, true)]
    public void LogJacobian_MatchesNumericalDerivative(double min, double max, bool log)
    {
        foreach (var z in new[] { -8.0, -2, 0, 0.5, 3, 9 })
        {
            const double h = 1e-5;
            var derivative = (LogitScale.Value(z + h, min, max, log) - LogitScale.Value(z - h, min, max, log)) / (2 * h);
            Assert.Equal(Math.Log(derivative), LogitScale.LogJacobian(z, min, max, log), 6);
        }
    }

    [Fact]
    public void LogPosition_FarTails_StaysAccurate()
    {
        // ln logistic(-800) = -800 - ln(1 + e^-800): exp underflows, the softplus form does not.
        Assert.Equal(-800, LogitScale.LogPosition(-800), 9);
        Assert.Equal(0, LogitScale.LogPosition(800), 12);
        Assert.Equal(-800, LogitScale.LogComplement(800), 9);
    }
}
