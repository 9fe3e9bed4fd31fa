namespace TrustSim.Scenarios;

/// <summary>
/// The calendar of a scenario: step t is dated start + 7t days (weekly) or start + t months
/// (monthly), and a date maps to the first step dated on or after it. Scheduled shocks and
/// interventions may be given by step or by date; the engine asks here for their steps.
/// </summary>
internal static class ScenarioSchedule
{
    /// <summary>Date of step <paramref name="step"/> (0 = the start date).</summary>
    public static DateOnly DateOf(TimeSettings time, int step) =>
        time.Step == StepUnit.Week ? time.Start.AddDays(7 * step) : time.Start.AddMonths(step);

    /// <summary>Date of the run's last step, <c>time.steps</c>.</summary>
    public static DateOnly LastDate(TimeSettings time) => DateOf(time, time.Steps);

    /// <summary>
    /// The first step dated on or after <paramref name="date"/>; 0 for dates before the start.
    /// It may exceed <c>time.steps</c> for dates after the run (validation refuses those).
    /// </summary>
    public static int StepOf(TimeSettings time, DateOnly date)
    {
        var days = date.DayNumber - time.Start.DayNumber;
        if (days <= 0)
            return 0;
        if (time.Step == StepUnit.Week)
            return (days + 6) / 7;
        // Months vary in length (and AddMonths clips the 31st), so estimate and then step to the exact one.
        var step = Math.Max(0, (date.Year - time.Start.Year) * 12 + date.Month - time.Start.Month - 1);
        while (DateOf(time, step) < date)
            step++;
        return step;
    }

    /// <summary>The step at which a scheduled shock happens.</summary>
    public static int StepOf(Scenario scenario, ShockSpec shock) => Resolve(scenario.Time, shock.Step, shock.Date);

    /// <summary>The step at which a scheduled intervention happens.</summary>
    public static int StepOf(Scenario scenario, InterventionSpec intervention) =>
        Resolve(scenario.Time, intervention.Step, intervention.Date);

    /// <summary>Each scheduled shock's step, in the order of <see cref="Scenario.Shocks"/>.</summary>
    public static IReadOnlyList<int> ShockSteps(Scenario scenario) =>
        scenario.Shocks.Select(s => StepOf(scenario, s)).ToList();

    /// <summary>Each scheduled intervention's step, in the order of <see cref="Scenario.Interventions"/>.</summary>
    public static IReadOnlyList<int> InterventionSteps(Scenario scenario) =>
        scenario.Interventions.Select(i => StepOf(scenario, i)).ToList();

    // A loaded scenario has exactly one of the two; a hand-built one without either happens at step 0.
    private static int Resolve(TimeSettings time, int? step, DateOnly? date) =>
        step ?? (date is { } d ? StepOf(time, d) : 0);
}
