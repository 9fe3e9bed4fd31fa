using System.Collections.Concurrent;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

/// <summary>
/// The cookbook's plain runs: every scenario that ships under scenarios/ loads cleanly and runs at
/// its full length with all its scheduled shocks and interventions (by step and by date), and the
/// run keeps the engine's invariants along the way. A scenario with a sweep: or calibrate: section
/// is run as its base scenario; the sweeps themselves are the Cli and Experiments tests' job.
/// </summary>
public sealed class ShippedScenarioTests
{
    // What these tests exercise is each scenario's calendar: its number of steps, its shocks and
    // interventions at their steps and dates, its modes and its random scandals, and the invariants
    // the engine keeps along them. None of that depends on how many users are simulated (users do not
    // move the schedule, and each check below holds for any population), so the population is cut to
    // 1,000 users and one replication (replication 0, the scenario's own seed) is run, which keeps
    // all the full-length runs together to a few seconds. Full-size runs of the shipped scenarios are
    // the docs pictures' recipes (Cookbook/DocsImagesWriteTests, on request).
    private const string TestUsers = "users.count=1000";

    private static readonly ConcurrentDictionary<string, Lazy<(Scenario Scenario, RunResult Run)>> Runs = new();

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(ScenariosFolder(), "*.yaml").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Load_ShippedScenario_HasAHeaderAndLoadsWithoutProblems(string file)
    {
        var path = Path.Combine(ScenariosFolder(), file);
        Assert.StartsWith("#", File.ReadLines(path).First());
        var result = ScenarioLoader.Load(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_RecordsEveryStepOfItsCalendar(string file)
    {
        var (s, run) = FullLengthRun(file);
        Assert.Equal(s.Time.Steps + 1, run.Steps.Count);
        for (var t = 0; t <= s.Time.Steps; t++)
        {
            Assert.Equal(t, run.Steps[t].Step);
            Assert.Equal(ScenarioSchedule.DateOf(s.Time, t), run.Steps[t].Date);
        }
        Assert.All(run.Events, e => Assert.Equal(ScenarioSchedule.DateOf(s.Time, e.Step), e.Date));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_LogsEveryScheduledEventAtItsStepWithItsLabel(string file)
    {
        var (s, run) = FullLengthRun(file);
        var expected = ExpectedScheduledEvents(s);
        // Scheduled events are the labelled ones: random scandals and breaches carry no label.
        var logged = run.Events.Where(e => e.Label.Length > 0).Select(e => (e.Step, e.Kind, e.Subject, e.Label)).ToList();
        Assert.Equal(Sorted(expected), Sorted(logged));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_DatedEventsLandInTheFirstStepOnOrAfterTheirDate(string file)
    {
        var (s, run) = FullLengthRun(file);
        var dated = s.Shocks.Select(x => (x.Date, x.Label)).Concat(s.Interventions.Select(x => (x.Date, x.Label)))
            .Where(x => x.Date is not null).ToList();
        var stepDays = s.Time.Step == StepUnit.Week ? 7 : 31;
        foreach (var (date, label) in dated)
        {
            // Checked against the calendar directly, not through ScenarioSchedule.StepOf, which the engine also uses.
            var e = run.Events.First(x => x.Label == label);
            Assert.True(e.Date >= date!.Value && e.Date.DayNumber - date.Value.DayNumber < stepDays,
                $"{file}: '{label}' dated {date} was logged at step {e.Step} ({e.Date})");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_KeepsShareAndRecordInvariantsEveryStep(string file)
    {
        var (_, run) = FullLengthRun(file);
        Assert.All(run.Steps, m =>
        {
            Assert.InRange(m.Reputation, 0, 1);
            Assert.InRange(m.Anchor, 0, 1);
            Assert.InRange(m.Safeguards, 0, 1);
            Assert.InRange(m.Aware, 0, 1);
            Assert.InRange(m.Adoption, 0, 1);
            Assert.InRange(m.PartnersNone, 0, 1);
            Assert.InRange(m.PartnersLimited, 0, 1);
            Assert.InRange(m.PartnersFull, 0, 1);
            Assert.Equal(1.0, m.PartnersNone + m.PartnersLimited + m.PartnersFull, 9);
            Assert.True(m.Reach > 0, $"step {m.Step}: reach {m.Reach}");
            Assert.True(m.RecordsHeld >= 0, $"step {m.Step}: records held {m.RecordsHeld}");
            if (m.PartnersLimited + m.PartnersFull == 0)
                Assert.Equal(0.0, m.RecordsHeld);
        });
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_EachScheduledNegativeShockCostsReputationAtItsStep(string file)
    {
        var (s, run) = FullLengthRun(file);
        var negative = s.Shocks.Where(x => x.Type != ShockType.Commitment).Select(x => ScenarioSchedule.StepOf(s, x))
            .Concat(s.Interventions.Where(x => x.Type == InterventionType.Fine && x.Severity > 0).Select(x => ScenarioSchedule.StepOf(s, x)));
        foreach (var t in negative)
            Assert.True(run.Steps[t].ShockDrop > 0, $"{file}: no reputation lost to the shock at step {t}");
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_ModesStayWithinWhatIsOffered(string file)
    {
        var (s, run) = FullLengthRun(file);
        var ban = s.Interventions.Where(x => x.Type == InterventionType.BanFullMode).Select(x => ScenarioSchedule.StepOf(s, x))
            .DefaultIfEmpty(int.MaxValue).Min();
        var fullOffered = s.Modes.Offered.Contains(PartnershipMode.Full);
        var limitedOffered = s.Modes.Offered.Contains(PartnershipMode.Limited);
        Assert.All(run.Steps, m =>
        {
            if (!fullOffered || m.Step >= ban)
                Assert.Equal(0.0, m.PartnersFull);
            if (!limitedOffered)
                Assert.Equal(0.0, m.PartnersLimited);
        });
        // The ones with Full offered and not banned do use it: the charts of partners by mode are not all None.
        if (fullOffered && ban == int.MaxValue)
            Assert.Contains(run.Steps, m => m.PartnersFull > 0);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_SummaryAgreesWithTheSteps(string file)
    {
        var (s, run) = FullLengthRun(file);
        var last = run.Steps[^1];
        Assert.Equal(last.Reputation, run.Summary.FinalReputation);
        Assert.Equal(last.Adoption, run.Summary.FinalAdoption);
        Assert.Equal(last.PartnersFull, run.Summary.FinalPartnersFull);
        Assert.Equal(last.PartnersLimited, run.Summary.FinalPartnersLimited);
        Assert.Equal(last.BanksFull, run.Summary.FinalBanksFull);
        Assert.Equal(run.Steps.Min(m => m.Reputation), run.Summary.MinReputation);
        Assert.Equal(run.Steps.Sum(m => m.Breaches), run.Summary.Breaches);
        Assert.Equal(run.Events.Count(e => e.Kind == EventKind.Breach), run.Summary.Breaches);
        if (s.Platform.Breaches.Hazard == 0)
            Assert.Equal(0.0, run.Summary.Breaches);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Run_ShippedScenario_RandomScandalsOnlyWhenTheScenarioHasThem(string file)
    {
        var (s, run) = FullLengthRun(file);
        var random = run.Events.Count(e => e.Kind == EventKind.Shock && e.Label.Length == 0);
        // repeated-scandals.yaml: 2 a year over 246 weeks, P(no scandal) = exp(-9.4) < 1e-4 (and the seed is fixed).
        if (s.Scandals.Rate > 0)
            Assert.True(random > 0, $"{file}: rate {s.Scandals.Rate} a year but no random scandal in {s.Time.Steps} steps");
        else
            Assert.Equal(0, random);
    }

    [Fact]
    public void Load_CambridgeAnalytica_SchedulesTheShocksOfMODEL()
    {
        var result = ScenarioLoader.Load(Path.Combine(ScenariosFolder(), "cambridge-analytica.yaml"));
        var s = result.Scenario!;
        var steps = ScenarioSchedule.ShockSteps(s);
        Assert.Equal(101, steps[0]);
        Assert.Equal(104, steps[1]);
        Assert.Equal(128, steps[3]);
        Assert.Equal(87e6, s.Shocks[0].Affected);
        Assert.Contains(s.Interventions, i => i.Type == InterventionType.MandateSafeguards && i.Step == 171);
    }

    internal static string ScenariosFolder() => Path.Combine(Paths.RepositoryRoot(), "scenarios");

    /// <summary>One run per file, shared by the facets above (each run costs what all the checks together do not).</summary>
    private static (Scenario Scenario, RunResult Run) FullLengthRun(string file) =>
        Runs.GetOrAdd(file, f => new Lazy<(Scenario, RunResult)>(() =>
        {
            var result = ScenarioLoader.Load(Path.Combine(ScenariosFolder(), f), [TestUsers]);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            var s = result.Scenario!;
            return (s, Simulator.Run(s, 0));
        })).Value;

    /// <summary>What the event log must hold for the scenario's schedule, built from the scenario alone.</summary>
    private static List<(int Step, EventKind Kind, string Subject, string Label)> ExpectedScheduledEvents(Scenario s)
    {
        var expected = new List<(int, EventKind, string, string)>();
        foreach (var shock in s.Shocks)
        {
            Assert.False(string.IsNullOrEmpty(shock.Label), $"a shipped shock without a label: {shock.Type} (the charts mark events by label)");
            var t = InRun(s, ScenarioSchedule.StepOf(s, shock), shock.Label);
            expected.Add(shock.Type == ShockType.Commitment
                ? (t, EventKind.Commitment, "commitment", shock.Label)
                : (t, EventKind.Shock, SnakeCase.EnumName(shock.Type), shock.Label));
        }
        foreach (var action in s.Interventions)
        {
            Assert.False(string.IsNullOrEmpty(action.Label), $"a shipped intervention without a label: {action.Type}");
            var t = InRun(s, ScenarioSchedule.StepOf(s, action), action.Label);
            expected.Add((t, EventKind.Intervention, SnakeCase.EnumName(action.Type), action.Label));
            if (action.Type == InterventionType.Fine && action.Severity is not null)
                expected.Add((t, EventKind.Shock, "fine", action.Label)); // the news of the fine
            if (action.Type == InterventionType.Warning && t + action.Duration - 1 <= s.Time.Steps)
                expected.Add((t + action.Duration - 1, EventKind.WarningEnd, "warning", action.Label)); // in force for its duration, then ends
        }
        return expected;
    }

    private static int InRun(Scenario s, int step, string label)
    {
        Assert.True(step >= 1 && step <= s.Time.Steps, $"'{label}' falls at step {step}, outside the run's 1..{s.Time.Steps}");
        return step;
    }

    private static List<(int, EventKind, string, string)> Sorted(IEnumerable<(int, EventKind, string, string)> events) =>
        events.Order().ToList();
}
