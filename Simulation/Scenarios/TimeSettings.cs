namespace TrustSim.Scenarios;

/// <summary>The run's calendar: step length, start date and number of steps.</summary>
internal sealed record TimeSettings
{
    [Parameter("length of one step: week or month")]
    public StepUnit Step { get; init; } = StepUnit.Week;

    [Parameter("date of step 0 (the Messenger Platform launch by default)", Unit = "date")]
    public DateOnly Start { get; init; } = new(2016, 4, 11);

    [Parameter("number of steps after step 0", Unit = "steps", Min = 1, Max = 100_000)]
    public int Steps { get; init; } = 260;

    // Applied by the loader (ScheduleShift) and then set back to 0, so the scenario.yaml a command
    // writes holds the moved events and does not move them again when read back.
    [Parameter("moves every scheduled shock and intervention this many steps later (earlier if negative); dated ones by as many weeks or months",
        Unit = "steps", Min = -100_000, Max = 100_000)]
    public int Shift { get; init; }
}
