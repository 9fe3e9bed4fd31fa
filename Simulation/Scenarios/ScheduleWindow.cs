using System.Globalization;

namespace TrustSim.Scenarios;

/// <summary>
/// A scenario cut to its first steps for a quick look (<c>run --steps</c>) or a short benchmark:
/// the scheduled events after the last step are left out rather than refused, and named, so the
/// caller can say which.
/// </summary>
internal static class ScheduleWindow
{
    /// <summary>The scenario run for <paramref name="steps"/> steps, and a description of each event left out.</summary>
    public static (Scenario Scenario, IReadOnlyList<string> LeftOut) Cut(Scenario scenario, int steps)
    {
        var leftOut = new List<string>();
        var shocks = new List<ShockSpec>();
        for (var k = 0; k < scenario.Shocks.Count; k++)
        {
            var s = scenario.Shocks[k];
            if (Keep(scenario, ScenarioSchedule.StepOf(scenario, s), steps, $"shocks.{k}", s.Label, leftOut)) shocks.Add(s);
        }
        var interventions = new List<InterventionSpec>();
        for (var k = 0; k < scenario.Interventions.Count; k++)
        {
            var i = scenario.Interventions[k];
            if (Keep(scenario, ScenarioSchedule.StepOf(scenario, i), steps, $"interventions.{k}", i.Label, leftOut)) interventions.Add(i);
        }
        return (scenario with { Time = scenario.Time with { Steps = steps }, Shocks = shocks, Interventions = interventions }, leftOut);
    }

    private static bool Keep(Scenario scenario, int step, int steps, string path, string label, List<string> leftOut)
    {
        if (step <= steps) return true;
        var date = ScenarioSchedule.DateOf(scenario.Time, step).ToString(ScalarConverter.DateFormat, CultureInfo.InvariantCulture);
        leftOut.Add(label.Length > 0 ? $"{path} '{label}' (step {step}, {date})" : $"{path} (step {step}, {date})");
        return false;
    }
}
