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
    /// Date of step <paramref name="step"/>, or null when it would pass <see cref="DateOnly.MaxValue"/>
    /// (9999-12-31), the last date the calendar can hold.
    /// </summary>
    public static DateOnly? TryDateOf(TimeSettings time, int step)
    {
        if (step < 0)
            return null;
        if (time.Step == StepUnit.Week)
            return time.Start.DayNumber + 7L * step <= DateOnly.MaxValue.DayNumber ? DateOf(time, step) : null;
        long months = (time.Start.Year - 1) * 12L + time.Start.Month - 1 + step;
        long lastMonth = (DateOnly.MaxValue.Year - 1) * 12L + DateOnly.MaxValue.Month - 1;
        return months <= lastMonth ? DateOf(time, step) : null;
    }

    /// <summary>Whether every step of the run, up to <c>time.steps</c>, has a date (none passes 9999-12-31).</summary>
    public static bool Fits(TimeSettings time) => TryDateOf(time, time.Steps) is not null;

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
        // A date past the calendar's end stops at the first step it cannot date (after any valid run's last step).
        while (TryDateOf(time, step) is { } stepDate && stepDate < date)
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
