using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The scenario's scheduled shocks and interventions, indexed by the step at which they happen
/// (dates already converted), each step's entries in the order the file lists them.
/// </summary>
internal sealed class EventSchedule
{
    private readonly ShockSpec[][] _shocks;
    private readonly InterventionSpec[][] _interventions;

    public EventSchedule(Scenario scenario, Calendar calendar)
    {
        var steps = scenario.Time.Steps + 1;
        _shocks = Group(scenario.Shocks, s => StepOf(s.Step, s.Date, calendar), steps);
        _interventions = Group(scenario.Interventions, i => StepOf(i.Step, i.Date, calendar), steps);
        FirstNegativeShockStep = scenario.Shocks
            .Where(s => s.Type != ShockType.Commitment)
            .Select(s => StepOf(s.Step, s.Date, calendar))
            .Where(t => t >= 0 && t < steps)
            .DefaultIfEmpty(int.MaxValue)
            .Min();
    }

    /// <summary>Step of the first scheduled negative shock, or int.MaxValue when there is none.</summary>
    public int FirstNegativeShockStep { get; }

    public IReadOnlyList<ShockSpec> ShocksAt(int step) => step < _shocks.Length ? _shocks[step] : [];

    public IReadOnlyList<InterventionSpec> InterventionsAt(int step) => step < _interventions.Length ? _interventions[step] : [];

    /// <summary>The step of an event given by step or by date (a date maps to the first step on or after it).</summary>
    public static int StepOf(int? step, DateOnly? date, Calendar calendar) =>
        step ?? (date is { } d ? calendar.StepOf(d) : 0);

    private static T[][] Group<T>(IReadOnlyList<T> items, Func<T, int> stepOf, int steps)
    {
        var lists = new List<T>[steps];
        foreach (var item in items)
        {
            var t = stepOf(item);
            if (t < 0 || t >= steps) continue;
            (lists[t] ??= []).Add(item);
        }
        return lists.Select(l => l?.ToArray() ?? []).ToArray();
    }
}
