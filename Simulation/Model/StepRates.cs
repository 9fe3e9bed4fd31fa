using System.Runtime.CompilerServices;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The scenario's weekly rates and probabilities converted to the run's step length. A weekly
/// fraction k becomes 1-(1-k)^4.345 per month, so four and a bit weekly steps compound into one
/// monthly step; per-year rates are divided by 52 or 12.
/// </summary>
internal sealed record StepRates
{
    /// <summary>Weeks in a month as MODEL.md fixes it (365.25/12/7 rounded).</summary>
    public const double WeeksPerMonth = 4.345;

    public double FastRecovery { get; init; }
    public double SlowRecovery { get; init; }
    public double AnchorRecovery { get; init; }
    public double ReachGrowth { get; init; }
    /// <summary>True when a step is a month: per-user weekly chances are then compounded with <see cref="PerStep"/>.</summary>
    public bool Monthly { get; init; }
    public double UserReconsider { get; init; }
    public double InstitutionReconsider { get; init; }
    public double InstitutionReputationRecovery { get; init; }
    public double StringencyRelaxation { get; init; }
    /// <summary>k_E of the learning expectation rule, per step.</summary>
    public double ExpectationLearning { get; init; }
    /// <summary>Expected random scandals per step.</summary>
    public double ScandalRate { get; init; }

    /// <summary>The run's calendar, for <see cref="WeeksIn"/>.</summary>
    public TimeSettings Time { get; init; } = new();

    /// <summary>
    /// Delta, the length of step <paramref name="step"/> in weeks (from the date of step - 1 to
    /// that of step): 1 for weekly steps, the month's days over 7 for monthly ones. Flows that
    /// are rates per week (welfare, reach and records summed over time) accrue Delta times per step.
    /// </summary>
    public double WeeksIn(int step) =>
        Monthly ? (ScenarioSchedule.DateOf(Time, step).DayNumber - ScenarioSchedule.DateOf(Time, step - 1).DayNumber) / 7.0 : 1;

    public static StepRates For(Scenario s)
    {
        var monthly = s.Time.Step == StepUnit.Month;
        double Fraction(double weekly) => monthly ? 1 - Math.Pow(1 - weekly, WeeksPerMonth) : weekly;
        double PerYear(double yearly) => yearly / (monthly ? 12.0 : 52.0);
        return new StepRates
        {
            FastRecovery = Fraction(s.Platform.FastRecovery),
            SlowRecovery = Fraction(s.Platform.SlowRecovery),
            AnchorRecovery = Fraction(s.Platform.AnchorRecovery),
            ReachGrowth = PerYear(s.Platform.ReachGrowth),
            Monthly = monthly,
            Time = s.Time,
            UserReconsider = Fraction(s.Users.Reconsider),
            InstitutionReconsider = Fraction(s.Institutions.Reconsider),
            InstitutionReputationRecovery = Fraction(s.Institutions.ReputationRecovery),
            StringencyRelaxation = Fraction(s.Regulator.Relaxation),
            ExpectationLearning = Fraction(s.Institutions.LearningRate),
            ScandalRate = PerYear(s.Scandals.Rate),
        };
    }

    /// <summary>
    /// A weekly chance that varies within the step loop (a breach hazard, an awareness chance
    /// that depends on peers) as a chance per step, capped at 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double PerStep(double weeklyChance)
    {
        var p = Math.Clamp(weeklyChance, 0, 1);
        return Monthly ? 1 - Math.Pow(1 - p, WeeksPerMonth) : p;
    }
}
