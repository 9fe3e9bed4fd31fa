using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Model;

/// <summary>
/// MODEL.md R3.1: one model at any step length. Weekly and monthly runs of the same scenario must
/// agree on what happens by a date, within sampling error, because every payoff is a rate per week
/// and every chance is converted to the step. Measured on the shipped baseline and
/// cambridge-analytica scenarios at 2,000 users, 30 replications of each step length.
/// </summary>
public sealed class StepLengthTests(ITestOutputHelper output)
{
    private const int Replications = 30;

    // Monthly steps fall on the 11th (the runs start 2016-04-11); the weekly steps nearest them,
    // 2018-03-12 and 2020-12-14, are a day and three days later. March 2018 is the week before
    // Cambridge Analytica broke (comparing just after it would measure when each calendar lets the
    // scandal and the hearings land, not the model); December 2020 is the end of the baseline.
    private static readonly DateOnly[] Dates = [new(2018, 3, 11), new(2020, 12, 11)];

    private static readonly (string Name, Func<StepMetrics, double> Value)[] Outcomes =
    [
        ("banks in Limited", m => m.BanksLimited),
        ("banks in Full", m => m.BanksFull),
        ("payment firms in Limited", m => m.PaymentsLimited),
        ("payment firms in Full", m => m.PaymentsFull),
        ("adoption", m => m.Adoption),
        ("records held (millions)", m => m.RecordsHeld / 1e6),
        ("reputation", m => m.Reputation),
    ];

    private static Scenario Load(string file, params string[] set)
    {
        var result = ScenarioLoader.Load(Path.Combine(Paths.RepositoryRoot(), "scenarios", file), set);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Scenario!;
    }

    /// <summary>
    /// The same scenario in monthly steps: events the file dates by step number (weeks) are dated
    /// instead, so they land in the month that holds their week, as a researcher converting the file would.
    /// </summary>
    private static Scenario Monthly(Scenario weekly, int months)
    {
        var time = weekly.Time with { Step = StepUnit.Month, Steps = months };
        DateOnly? DateOf(int? step, DateOnly? date) => step is { } t ? ScenarioSchedule.DateOf(weekly.Time, t) : date;
        return weekly with
        {
            Time = time,
            Shocks = weekly.Shocks.Select(s => s with { Step = null, Date = DateOf(s.Step, s.Date) }).ToArray(),
            Interventions = weekly.Interventions.Select(i => i with { Step = null, Date = DateOf(i.Step, i.Date) }).ToArray(),
        };
    }

    /// <summary>Each outcome at each date, one row per replication.</summary>
    private static double[,,] Measure(Scenario s)
    {
        var values = new double[Replications, Dates.Length, Outcomes.Length];
        for (var r = 0; r < Replications; r++)
        {
            var run = Simulator.Run(s, r);
            for (var d = 0; d < Dates.Length; d++)
            {
                // The step dated nearest the date: within four days of it at either step length.
                var m = run.Steps.MinBy(x => Math.Abs(x.Date.DayNumber - Dates[d].DayNumber))!;
                Assert.True(Math.Abs(Dates[d].DayNumber - m.Date.DayNumber) <= 4, $"no step near {Dates[d]}");
                for (var o = 0; o < Outcomes.Length; o++) values[r, d, o] = Outcomes[o].Value(m);
            }
        }
        return values;
    }

    private static (double Mean, double Se) MeanAndError(double[,,] v, int d, int o)
    {
        var xs = Enumerable.Range(0, Replications).Select(r => v[r, d, o]).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1);
        return (mean, Math.Sqrt(variance / xs.Length));
    }

    // Tolerance: a difference of means within 4 standard errors of the difference (Welch), plus a
    // floor of 0.005 for outcomes that barely vary between replications. 28 comparisons at 4 SE
    // leave about a 0.2% chance that sampling alone fails one. Before R3.1 (per-step payoffs, the
    // breach term at the monthly hazard) banks in Limited in March 2018 were 12% monthly against
    // 75% weekly, 13.5 SE, and banks in Full in December 2020 0% against 22%, 7.3 SE. Measured now:
    // at most 2.0 SE, banks in Limited in March 2018 (60% against 72%), a residual that
    // docs/ODD.md (Time) traces to monthly reviewers seeing their peers' modes once a month.
    [Theory]
    [InlineData("baseline.yaml", 246, 57)]
    [InlineData("cambridge-analytica.yaml", 260, 60)]
    public void Run_WeeklyAndMonthlySteps_AgreeOnOutcomesByDateWithinSamplingError(string file, int weeks, int months)
    {
        var weekly = Load(file, "users.count=2000", $"time.steps={weeks}");
        var monthly = Monthly(weekly, months);
        var w = Measure(weekly);
        var m = Measure(monthly);
        var failures = new List<string>();
        for (var d = 0; d < Dates.Length; d++)
        {
            for (var o = 0; o < Outcomes.Length; o++)
            {
                var (wm, ws) = MeanAndError(w, d, o);
                var (mm, ms) = MeanAndError(m, d, o);
                var se = Math.Sqrt(ws * ws + ms * ms);
                var line = $"{file} {Dates[d]:yyyy-MM} {Outcomes[o].Name}: weekly {wm:0.0000} monthly {mm:0.0000} (difference {mm - wm:+0.0000;-0.0000}, {Math.Abs(mm - wm) / Math.Max(se, 1e-12):0.0} SE)";
                output.WriteLine(line);
                if (Math.Abs(mm - wm) > 4 * se + 0.005) failures.Add(line);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
