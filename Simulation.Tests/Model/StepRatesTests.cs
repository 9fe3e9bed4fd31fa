using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

public sealed class StepRatesTests
{
    [Fact]
    public void For_MonthlySteps_CompoundsWeeklyFractionsAndDividesYearlyRates()
    {
        var s = new Scenario { Time = new TimeSettings { Step = StepUnit.Month }, Scandals = new ScandalSettings { Rate = 2 } };
        var rates = StepRates.For(s);
        Assert.Equal(1 - Math.Pow(1 - 0.05, 4.345), rates.SlowRecovery, 14);
        Assert.Equal(1 - Math.Pow(1 - 0.5, 4.345), rates.FastRecovery, 14);
        Assert.Equal(0.42 / 12, rates.ReachGrowth, 14);
        Assert.Equal(2.0 / 12, rates.ScandalRate, 14);
        Assert.Equal(1 - Math.Pow(1 - 0.0031, 4.345), rates.PerStep(0.0031), 14);
    }

    [Fact]
    public void For_WeeklySteps_KeepsWeeklyValues()
    {
        var rates = StepRates.For(new Scenario());
        Assert.Equal(0.05, rates.SlowRecovery);
        Assert.Equal(0.42 / 52, rates.ReachGrowth, 14);
        Assert.Equal(0.0031, rates.PerStep(0.0031));
    }
}
