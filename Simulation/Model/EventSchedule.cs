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

    public EventSchedule(Scenario scenario)
    {
        var steps = scenario.Time.Steps + 1;
        _shocks = Group(scenario.Shocks, s => ScenarioSchedule.StepOf(scenario, s), steps);
        _interventions = Group(scenario.Interventions, i => ScenarioSchedule.StepOf(scenario, i), steps);
    }

    public IReadOnlyList<ShockSpec> ShocksAt(int step) => step < _shocks.Length ? _shocks[step] : [];

    public IReadOnlyList<InterventionSpec> InterventionsAt(int step) => step < _interventions.Length ? _interventions[step] : [];

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
