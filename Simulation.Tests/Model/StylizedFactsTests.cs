using TrustSim.Engine;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Model;

/// <summary>
/// The stylized facts S2, S4, S5 and S6 of MODEL.md on the shipped scenarios at test-sized
/// populations (S1 and S3 are in <see cref="WorldTests"/>). Each tolerance is stated where it is used.
/// </summary>
public sealed class StylizedFactsTests(ITestOutputHelper output)
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

    /// <summary>
    /// When the members of the shipped libra-warning.yaml (2,000 users; 28 payment firms all in Full,
    /// warned x30 for 26 weeks at week 182) leave, for the given imitation J_b and exit attention a_x,
    /// pooled over 40 replications: the exits of each of the 13 steps from the warning as shares of
    /// the members in Full just before it, the share of members that left within the warning's
    /// first 2 steps, and the share of the exits within 13 weeks that fell in its first 4 steps.
    /// Forty replications because single runs are heavy-tailed (with exit attention, from one member
    /// to nearly all 28 within 2 steps).
    /// </summary>
    private static (double[] PerStep, double WithinTwo, double FirstFourOfThirteen) ExitTiming(double imitation, double exitAttention)
    {
        var s = Load("libra-warning.yaml", "users.count=2000", $"institutions.imitation={imitation}", $"institutions.exit_attention={exitAttention}");
        var warning = s.Interventions.Single(i => i.Type == InterventionType.Warning);
        Assert.True(warning.Duration >= 13, "the warning must outlast the 13 weeks measured, or its end would bunch the exits");
        var issued = warning.Step!.Value;
        var exits = new double[13];
        var members = 0.0;
        for (var r = 0; r < 40; r++)
        {
            var run = Simulator.Run(s, r);
            var before = Math.Round(run.Steps[issued - 1].PartnersFull * s.Institutions.Generated.Payments);
            Assert.True(before >= 20, $"replication {r}: only {before} members when the warning came");
            members += before;
            for (var k = 0; k < exits.Length; k++) exits[k] += run.Steps[issued + k].Exits;
        }
        var perStep = exits.Select(e => e / members).ToArray();
        return (perStep, perStep.Take(2).Sum(), perStep.Take(4).Sum() / perStep.Sum());
    }

    private static string Shares(double[] perStep) => string.Join(", ", perStep.Select(p => $"{p:P1}"));

    // The figures docs/validation.md quotes (S4), shown by a detailed console logger.
    private void Report(string label, (double[] PerStep, double WithinTwo, double FirstFourOfThirteen) timing) =>
        output.WriteLine($"{label}: per step {Shares(timing.PerStep)}; within 2 steps {timing.WithinTwo:P1}; "
            + $"first 4 steps' share of 13 weeks' exits {timing.FirstFourOfThirteen:P1}");

    /// <summary>
    /// The share of 13 weeks' exits that the first 4 steps hold when members leave only at their
    /// routine reviews and every reviewer leaves: (1 - (1 - r_b)^4) / (1 - (1 - r_b)^13) = 42.4%, above
    /// the 4/13 = 31% of an even spread because each step there are fewer members left to review.
    /// </summary>
    private static readonly double ReviewPaceFirstFour = (1 - Math.Pow(12.0 / 13, 4)) / (1 - Math.Pow(12.0 / 13, 13));

    /// <summary>The share of members that review at least once in 2 steps at the routine pace, 1 - (1 - r_b)^2 = 14.8%.</summary>
    private static readonly double ReviewPaceTwoSteps = 1 - Math.Pow(12.0 / 13, 2);

    // S4 (MODEL.md R3.5): with imitation and exit attention, a warning to a consortium all in Full
    // makes 15-40% of the members leave within 2 steps (Libra 2019: 7 of 28 within 10 days) and puts
    // at least 60% of the exits within 13 weeks in the warning's first 4 steps; with J_b = 0 and
    // a_x = 0 the exits are spread. The shipped libra-warning.yaml (J_b 0.5, a_x 2) measured 32.3%
    // and 75.4%. Spread, with neither mechanism (measured 15.3% and 42.7%): R3.5 asks for at most 40%
    // of the exits in the first 4 steps, but members that leave at the routine review pace, nearly
    // every reviewer under this warning, put 42.4% there by depletion alone (ReviewPaceFirstFour), so
    // the bound here is that pace plus 5 points of sampling room, and the 2-step share at most the
    // review pace 1 - (1 - r_b)^2 = 14.8% plus 5 points.
    [Fact]
    public void Run_PersistentWarningWithImitationAndExitAttention_ExitsClusterInFirstSteps()
    {
        var shipped = Load("libra-warning.yaml").Institutions;
        var clustered = ExitTiming(shipped.Imitation, shipped.ExitAttention);
        Report($"as shipped (J_b {shipped.Imitation}, a_x {shipped.ExitAttention})", clustered);
        Assert.True(shipped.Imitation > 0 && shipped.ExitAttention > 0, "libra-warning.yaml should ship with both mechanisms on");
        Assert.True(clustered.WithinTwo is >= 0.15 and <= 0.40,
            $"{clustered.WithinTwo:P1} of members left within the warning's 2 steps (per step: {Shares(clustered.PerStep)})");
        Assert.True(clustered.FirstFourOfThirteen >= 0.60,
            $"only {clustered.FirstFourOfThirteen:P1} of the exits within 13 weeks fell in the first 4 steps (per step: {Shares(clustered.PerStep)})");

        var spread = ExitTiming(imitation: 0, exitAttention: 0);
        Report("neither (J_b 0, a_x 0)", spread);
        Assert.True(spread.FirstFourOfThirteen <= ReviewPaceFirstFour + 0.05,
            $"without either mechanism {spread.FirstFourOfThirteen:P1} of the exits within 13 weeks fell in the first 4 steps (per step: {Shares(spread.PerStep)})");
        Assert.True(spread.WithinTwo <= ReviewPaceTwoSteps + 0.05,
            $"without either mechanism {spread.WithinTwo:P1} of members left within 2 steps, above the review pace {ReviewPaceTwoSteps:P1}");
    }

    // The two mechanisms are separable (R3.5): exit attention alone (J_b = 0, a_x = 2) still
    // bunches the exits (measured 25.4% within 2 steps, 77.2% of 13 weeks' exits in the first 4),
    // while imitation alone (J_b = 0.5, a_x = 0) leaves them at the routine review pace (measured
    // 15.4% and 42.6%, as with neither). Bounds as in the S4 test above.
    [Fact]
    public void Run_PersistentWarning_ExitAttentionAloneClustersImitationAloneDoesNot()
    {
        var attention = ExitTiming(imitation: 0, exitAttention: 2);
        Report("exit attention alone (J_b 0, a_x 2)", attention);
        Assert.True(attention.WithinTwo is >= 0.15 and <= 0.40,
            $"a_x alone: {attention.WithinTwo:P1} of members left within 2 steps (per step: {Shares(attention.PerStep)})");
        Assert.True(attention.FirstFourOfThirteen >= 0.60,
            $"a_x alone: only {attention.FirstFourOfThirteen:P1} of the exits within 13 weeks fell in the first 4 steps (per step: {Shares(attention.PerStep)})");

        var imitation = ExitTiming(imitation: 0.5, exitAttention: 0);
        Report("imitation alone (J_b 0.5, a_x 0)", imitation);
        Assert.True(imitation.FirstFourOfThirteen <= ReviewPaceFirstFour + 0.05,
            $"J_b alone: {imitation.FirstFourOfThirteen:P1} of the exits within 13 weeks fell in the first 4 steps (per step: {Shares(imitation.PerStep)})");
        Assert.True(imitation.WithinTwo <= ReviewPaceTwoSteps + 0.05,
            $"J_b alone: {imitation.WithinTwo:P1} of members left within 2 steps, above the review pace {ReviewPaceTwoSteps:P1}");
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
