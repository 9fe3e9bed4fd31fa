using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class ThresholdSearchTests
{
    [Fact]
    public void Run_DecreasingExponential_FindsTheClosedFormCrossingWithinTolerance()
    {
        var settings = new ThresholdSettings { Metric = "min_reputation", Level = 0.4, Tolerance = 1e-4, MaxEvaluations = 40 };
        // Three "replications" that straddle the curve symmetrically, so the mean is exactly 0.79 exp(-x).
        var result = ThresholdSearch.Run(settings, 0, 3, (_, x) => Outcome<IReadOnlyList<double>>.Success([0.79 * Math.Exp(-x) - 0.01, 0.79 * Math.Exp(-x), 0.79 * Math.Exp(-x) + 0.01]), 7).Value!;
        Assert.True(result.Bracketed);
        Assert.Equal(Math.Log(0.79 / 0.4), result.Threshold, 4);
        Assert.True(result.High.Value - result.Low.Value <= 1e-4);
        Assert.True(result.Interval.Low <= result.Threshold && result.Threshold <= result.Interval.High);
        Assert.Equal(Enumerable.Range(0, result.Evaluations.Count), result.Evaluations.Select(e => e.Index));
    }

    [Fact]
    public void Run_LevelOutsideTheRange_IsNotBracketedAfterTwoEvaluations()
    {
        var settings = new ThresholdSettings { Metric = "min_reputation", Level = 0.95, Tolerance = 0.01, MaxEvaluations = 10 };
        var result = ThresholdSearch.Run(settings, 0, 3, (_, x) => Outcome<IReadOnlyList<double>>.Success([0.79 * Math.Exp(-x)]), 7).Value!;
        Assert.False(result.Bracketed);
        Assert.Equal(2, result.Evaluations.Count);
        Assert.True(double.IsNaN(result.Threshold));
    }

    [Fact]
    public void Run_BudgetOfFour_StopsAtFourEvaluations()
    {
        var settings = new ThresholdSettings { Metric = "min_reputation", Level = 0.4, Tolerance = 1e-9, MaxEvaluations = 4 };
        var result = ThresholdSearch.Run(settings, 0, 3, (_, x) => Outcome<IReadOnlyList<double>>.Success([0.79 * Math.Exp(-x)]), 7).Value!;
        Assert.Equal(4, result.Evaluations.Count);
        Assert.True(result.Low.Value < Math.Log(0.79 / 0.4) && Math.Log(0.79 / 0.4) < result.High.Value);
    }
}
