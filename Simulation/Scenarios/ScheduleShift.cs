using System.Globalization;

namespace TrustSim.Scenarios;

/// <summary>
/// Applies <c>time.shift</c>: every scheduled shock and intervention moves by that many steps, a
/// step-placed one by adding to its step, a dated one by as many weeks or months (so it keeps its
/// place in the calendar's rhythm). A shift that would move an event out of the run is refused at
/// <c>time.shift</c>, naming the event, and nothing is moved. The result has <c>time.shift</c> 0:
/// the scenario.yaml a command writes holds the moved events, which must not move again when read.
/// </summary>
internal static class ScheduleShift
{
    public static Scenario Apply(Scenario scenario, ProblemSink sink)
    {
        var time = scenario.Time;
        var shift = time.Shift;
        var unshifted = scenario with { Time = time with { Shift = 0 } };
        if (shift == 0 || !ScenarioSchedule.Fits(time))
            return unshifted;
        var fits = true;
        var shocks = new List<ShockSpec>();
        for (var k = 0; k < scenario.Shocks.Count; k++)
        {
            var s = scenario.Shocks[k];
            var (step, date, ok) = Moved(time, s.Step, s.Date, shift, $"shocks.{k}", s.Label, sink);
            shocks.Add(s with { Step = step, Date = date });
            fits &= ok;
        }
        var interventions = new List<InterventionSpec>();
        for (var k = 0; k < scenario.Interventions.Count; k++)
        {
            var i = scenario.Interventions[k];
            var (step, date, ok) = Moved(time, i.Step, i.Date, shift, $"interventions.{k}", i.Label, sink);
            interventions.Add(i with { Step = step, Date = date });
            fits &= ok;
        }
        return fits ? unshifted with { Shocks = shocks, Interventions = interventions } : unshifted;
    }

    private static (int? Step, DateOnly? Date, bool Ok) Moved(TimeSettings time, int? step, DateOnly? date, int shift, string path,
        string label, ProblemSink sink)
    {
        var name = label.Length > 0 ? $"{path} ({label})" : path;
        if (step is { } s)
        {
            var moved = (long)s + shift;
            if (moved >= 0 && moved <= time.Steps)
                return ((int)moved, null, true);
            sink.Report($"time.shift = {shift} moves {name} from step {s} to step {moved}, outside the run's steps 0 to {time.Steps}",
                "time.shift", $"{path}.step");
            return (step, date, false);
        }
        if (date is not { } d)
            return (step, date, true);
        var movedDate = MovedDate(time, d, shift);
        if (movedDate is { } m && m >= time.Start && m <= ScenarioSchedule.LastDate(time))
            return (null, m, true);
        var where = movedDate is { } outside ? $"to {Text(outside)}" : "off the calendar";
        sink.Report($"time.shift = {shift} moves {name} from {Text(d)} {where}, outside the run ({Text(time.Start)} to {Text(ScenarioSchedule.LastDate(time))})",
            "time.shift", $"{path}.date");
        return (step, date, false);
    }

    /// <summary>The date <paramref name="shift"/> weeks or months from <paramref name="date"/>; null past the calendar's ends.</summary>
    private static DateOnly? MovedDate(TimeSettings time, DateOnly date, int shift)
    {
        if (time.Step == StepUnit.Week)
        {
            var day = date.DayNumber + 7L * shift;
            return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)day) : null;
        }
        var month = date.Year * 12L + date.Month - 1 + shift;
        return month is >= 12 and < 10_000 * 12 ? date.AddMonths(shift) : null;
    }

    private static string Text(DateOnly d) => d.ToString(ScalarConverter.DateFormat, CultureInfo.InvariantCulture);
}
