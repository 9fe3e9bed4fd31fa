namespace TrustSim.Scenarios;

/// <summary>
/// Checks scheduled shocks and interventions: exactly one of step or date, inside the run, and
/// for shocks exactly one of affected or severity (a commitment needs severity).
/// </summary>
internal static class ScheduleValidator
{
    private static readonly string[] TimePaths = ["time.start", "time.steps", "time.step"];

    public static void Check(Scenario scenario, ProblemSink sink)
    {
        if (!CheckCalendar(scenario.Time, sink))
            return;
        for (var i = 0; i < scenario.Shocks.Count; i++)
        {
            var shock = scenario.Shocks[i];
            var path = $"shocks.{i}";
            CheckWhen(scenario.Time, shock.Step, shock.Date, path, "shock", sink);
            CheckSize(shock, path, sink);
        }
        for (var i = 0; i < scenario.Interventions.Count; i++)
        {
            var intervention = scenario.Interventions[i];
            CheckWhen(scenario.Time, intervention.Step, intervention.Date, $"interventions.{i}", "intervention", sink);
        }
    }

    // Every step's date must exist: DateOnly ends at 9999-12-31. Without a whole calendar the
    // scheduled dates cannot be placed, so they are checked only once it fits.
    private static bool CheckCalendar(TimeSettings time, ProblemSink sink)
    {
        if (ScenarioSchedule.Fits(time))
            return true;
        var unit = time.Step == StepUnit.Week ? "weekly" : "monthly";
        sink.Report($"time.start = {Text(time.Start)} with {time.Steps} {unit} steps: the last step's date would pass 9999-12-31, the last date the calendar holds; " +
            "start earlier or take fewer steps", "time.start", "time.steps", "time.step", "time");
        return false;
    }

    private static void CheckWhen(TimeSettings time, int? step, DateOnly? date, string path, string what, ProblemSink sink)
    {
        if (step is null && date is null)
        {
            sink.Report($"{path}: {(what == "shock" ? "a" : "an")} {what} needs a step or a date", $"{path}.step", $"{path}.date");
            return;
        }
        if (step is not null && date is not null)
        {
            sink.Report($"{path}: give either step or date, not both", $"{path}.date", $"{path}.step");
            return;
        }
        if (step > time.Steps)
            sink.Report($"{path}.step = {step} is after the run's last step ({time.Steps})", [$"{path}.step", .. TimePaths]);
        if (date is not { } d)
            return;
        if (d < time.Start)
            sink.Report($"{what} at {Text(d)} is before the run's start ({Text(time.Start)})", [$"{path}.date", .. TimePaths]);
        else if (d > ScenarioSchedule.LastDate(time))
            sink.Report($"{what} at {Text(d)} is after the run's last step ({Text(ScenarioSchedule.LastDate(time))})", [$"{path}.date", .. TimePaths]);
    }

    private static void CheckSize(ShockSpec shock, string path, ProblemSink sink)
    {
        if (shock.Type == ShockType.Commitment)
        {
            if (shock.Affected is not null)
                sink.Report($"{path}: a commitment takes severity, not affected (it harms no one)", $"{path}.affected");
            else if (shock.Severity is null)
                sink.Report($"{path}: a commitment needs severity (its salience, 0 to 1)", $"{path}.severity");
            return;
        }
        if (shock.Affected is not null && shock.Severity is not null)
            sink.Report($"{path}: give either affected or severity, not both", $"{path}.severity", $"{path}.affected");
        else if (shock.Affected is null && shock.Severity is null)
            sink.Report($"{path}: a shock needs affected (people) or severity (0 to 1)", $"{path}.affected", $"{path}.severity");
    }

    private static string Text(DateOnly date) => date.ToString(ScalarConverter.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
