using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

/// <summary>
/// The stylized facts S2, S4, S5 and S6 of MODEL.md on the shipped scenarios at test-sized
/// populations (S1 and S3 are in <see cref="WorldTests"/>). Each tolerance is stated where it is used.
/// </summary>
public sealed class StylizedFactsTests
{
    private static Scenario Load(string file, params string[] set)
    {
        var result = ScenarioLoader.Load(Path.Combine(Paths.RepositoryRoot(), "scenarios", file), set);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Scenario!;
    }

    private static double GrowthIn2018(RunResult run)
    {
        var start = run.Steps.First(m => m.Date >= new DateOnly(2018, 1, 1)).Reach;
        var end = run.Steps.First(m => m.Date >= new DateOnly(2019, 1, 1)).Reach;
        return end / start - 1;
    }

    // S2: reach keeps growing through the scandal; growth over 2018 is about 10% (Facebook MAU grew
    // 9-11%), about 1 point below the same run without the Cambridge Analytica sequence. Shipped
    // cambridge-analytica.yaml at 2,000 users (reach is platform-level: the population does not
    // move it), breaches on as shipped, three replications. Tolerances: 9-11% per replication, the
    // observed range; the dip 0.5-2 points, "about 1 point" with room for breach noise (measured 1.2-1.4).
    [Fact]
    public void Run_CambridgeAnalytica_ReachKeepsGrowingWithAOnePointDip()
    {
        var ca = Load("cambridge-analytica.yaml", "users.count=2000");
        var calm = ca with { Shocks = [], Interventions = [] };
        var dips = new List<double>();
        for (var r = 0; r < 3; r++)
        {
            var withCa = Simulator.Run(ca, r);
            var without = Simulator.Run(calm, r);
            Assert.All(withCa.Steps.Skip(1), m => Assert.True(m.Reach > withCa.Steps[m.Step - 1].Reach, $"reach fell at step {m.Step}"));
            Assert.InRange(GrowthIn2018(withCa), 0.09, 0.11);
            dips.Add(GrowthIn2018(without) - GrowthIn2018(withCa));
        }
        Assert.InRange(dips.Average(), 0.005, 0.02);
    }

    // S4: with imitation (J_b > 0) a regulator's warning causes clustered exits (about a quarter of
    // partners within 2 steps, as in Libra 2019: 7 of 28 within 10 days); with J_b = 0 exits are
    // spread out. Shipped libra-warning.yaml at 2,000 users: 28 payment firms all in Full (the only
    // mode offered), warned at week 182 with exposure x30 for 2 steps, a warning under which nearly
    // every member would rather leave at its review whatever its peers do (docs/validation.md, S4).
    // Forty replications for each of J_b 0, 0.5 and 1.5: the cascades are heavy-tailed (from a few
    // members to all 28 in one run), so fewer replications would leave the means unsteady.
    // Window: the warning's own 2 steps (issue step and the next); the first exits fall in the issue
    // step, so this is also the 2 steps from the first exits. Tolerances: with imitation at least 20%
    // of the members leave within the window (measured 39.8% and 58.0% for J_b 0.5 and 1.5); without
    // it, the largest 2-step share over the 13 weeks from the warning is at most half the J_b = 1.5
    // share and no more than the review pace allows, 1-(1-r_b)^2 = 14.8% plus 5 points of sampling
    // room (measured 15.4%: nearly every reviewer leaves, but only reviewers).
    [Fact]
    public void Run_WarningWithImitation_ExitsClusterWithinTwoSteps()
    {
        (double WithinWindow, double LargestTwoSteps) Exits(double imitation)
        {
            var s = Load("libra-warning.yaml", "users.count=2000", $"institutions.imitation={imitation}");
            var warning = s.Interventions.Single(i => i.Type == InterventionType.Warning).Step!.Value;
            var members = s.Institutions.Generated.Payments;
            var within = new List<double>();
            var largest = new List<double>();
            for (var r = 0; r < 40; r++)
            {
                var run = Simulator.Run(s, r);
                var partners = Math.Round(run.Steps[warning - 1].PartnersFull * members);
                Assert.True(partners >= 20, $"replication {r}: only {partners} members when the warning came");
                double Pair(int t) => (run.Steps[t].Exits + run.Steps[t + 1].Exits) / partners;
                within.Add(Pair(warning));
                largest.Add(Enumerable.Range(warning, 12).Max(Pair));
            }
            return (within.Average(), largest.Average());
        }
        var independent = Exits(0);
        var mild = Exits(0.5);
        var strong = Exits(1.5);
        Assert.True(mild.WithinWindow >= 0.2, $"J_b 0.5: {mild.WithinWindow:P1} of members left within the warning's 2 steps");
        Assert.True(strong.WithinWindow >= 0.2, $"J_b 1.5: {strong.WithinWindow:P1} of members left within the warning's 2 steps");
        Assert.True(independent.LargestTwoSteps <= strong.WithinWindow / 2,
            $"without imitation the largest 2-step share is {independent.LargestTwoSteps:P1}, with J_b 1.5 {strong.WithinWindow:P1}");
        var reviewPace = 1 - Math.Pow(1 - 1.0 / 13, 2);
        Assert.True(independent.LargestTwoSteps <= reviewPace + 0.05,
            $"without imitation the largest 2-step share is {independent.LargestTwoSteps:P1}, above the review pace {reviewPace:P1}");
    }

    // S5: spillover losses rank Full partners > Limited partners > non-partners. Shipped
    // cambridge-analytica.yaml at 2,000 users, five replications: the fall of the mean own
    // reputation Q of each mode in the step CA hits (101 against 100). Expected phi*chi*dR with
    // dR = 0.52: 0.26 (Full), 0.052 (Limited), 0 (None). Tolerances: Full 0.20-0.30 and Limited
    // 0.03-0.08 (institutions switching mode that step move the means a little), None within 0.01
    // of no loss (it only relaxes towards Q0).
    [Fact]
    public void Run_CambridgeAnalytica_SpilloverRanksFullOverLimitedOverNone()
    {
        var s = Load("cambridge-analytica.yaml", "users.count=2000");
        var full = new List<double>();
        var limited = new List<double>();
        var none = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var run = Simulator.Run(s, r);
            var (before, after) = (run.Steps[100], run.Steps[101]);
            if (!double.IsNaN(after.ReputationFull)) full.Add(before.ReputationFull - after.ReputationFull);
            if (!double.IsNaN(after.ReputationLimited)) limited.Add(before.ReputationLimited - after.ReputationLimited);
            if (!double.IsNaN(after.ReputationNone)) none.Add(before.ReputationNone - after.ReputationNone);
        }
        Assert.True(full.Count >= 4 && limited.Count >= 4 && none.Count >= 4);
        Assert.InRange(full.Average(), 0.20, 0.30);
        Assert.InRange(limited.Average(), 0.03, 0.08);
        Assert.InRange(none.Average(), -0.01, 0.01);
        Assert.True(full.Average() > limited.Average() && limited.Average() > none.Average());
    }

    // S6: repeated scandals ratchet the anchor R* down when eta > 0. Shipped repeated-scandals.yaml
    // at 1,000 users, eight replications per cell, scandal rate {0, 1, 2, 4} per year against
    // eta {0, 0.4}. With eta = 0 no scandal touches the anchor (exact, 1e-9: only breaches and
    // scandals could, and neither scars). With eta = 0.4 the mean final anchor falls with every
    // step up in the rate (measured 0.76, 0.52, 0.41, 0.26), and at the shipped 2 a year lies at
    // least 0.2 below the eta = 0 run (measured 0.38 below).
    [Fact]
    public void Run_RepeatedScandals_AnchorRatchetsDownWithScarAndRate()
    {
        double MeanFinalAnchor(double rate, double eta)
        {
            var s = Load("repeated-scandals.yaml", "users.count=1000", $"scandals.rate={rate}", $"platform.scar={eta}");
            return Enumerable.Range(0, 8).Select(r => Simulator.Run(s, r).Steps[^1].Anchor).Average();
        }
        double[] rates = [0, 1, 2, 4];
        var scarred = rates.Select(rate => MeanFinalAnchor(rate, 0.4)).ToArray();
        foreach (var rate in rates)
            Assert.Equal(0.79, MeanFinalAnchor(rate, 0), 9);
        for (var k = 1; k < rates.Length; k++)
            Assert.True(scarred[k] < scarred[k - 1], $"anchor at rate {rates[k]}: {scarred[k]:F3}, at {rates[k - 1]}: {scarred[k - 1]:F3}");
        Assert.True(0.79 - scarred[2] >= 0.2, $"anchor at 2 scandals a year with eta 0.4: {scarred[2]:F3}");
    }
}
