using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

public sealed class InstitutionsTests
{
    private const int Count = 2_000;

    /// <summary>
    /// Many identical banks (equal size, same theta and rho) that review every step at no
    /// switching cost, facing users who never become aware: every payoff is constant, so the
    /// shares of each step are a fresh multinomial draw from the logit choice.
    /// </summary>
    private static Scenario IdenticalInstitutions(double imitation)
    {
        var quiet = TestScenarios.Quiet(200_000, 200);
        return quiet with
        {
            Platform = quiet.Platform with { ReachGrowth = 0 },
            Users = new UserSettings
            {
                Count = 200_000, Innovation = 0, Imitation = 0,
                Concern = Distribution.Constant(1.0), TrustOffset = Distribution.Constant(0),
            },
            Institutions = new InstitutionSettings
            {
                Generated = new GeneratedInstitutions
                {
                    Banks = Count, Payments = 0, SizeExponent = 0,
                    BankTheta = Distribution.Constant(0.8), BankRho = Distribution.Constant(0.5),
                },
                Imitation = imitation,
                Reconsider = 1,
                SwitchingCost = 0,
            },
        };
    }

    /// <summary>
    /// pi_m without the peer term, from the definition: identical users give
    /// Ahat = L((b - c(1-R)x - c0)/mu_u) exactly; reach is constant and there are no breaches.
    /// </summary>
    private static double[] Payoffs(Scenario s)
    {
        var result = new double[EnumSize.Modes];
        foreach (var m in new[] { PartnershipMode.Limited, PartnershipMode.Full })
        {
            var mode = s.Modes.For(m);
            var ahat = 1 / (1 + Math.Exp(-(mode.Benefit - 1.0 * (1 - 0.79) * mode.Exposure - 1.4) / 0.25));
            result[(int)m] = mode.Value * (ahat / 0.1) - mode.Cost - 0.8 * mode.Exposure * (1 - 0.79) - 0.5 * 0.2 * mode.Exposure;
        }
        return result;
    }

    private static double[] Softmax(double[] x, double noise)
    {
        var max = x.Max();
        var e = x.Select(v => Math.Exp((v - max) / noise)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    [Fact]
    public void ModeChoice_IdenticalInstitutionsNoImitation_SharesAreSoftmaxOfPayoffs()
    {
        var s = IdenticalInstitutions(imitation: 0);
        var expected = Softmax(Payoffs(s), 0.15);
        AssertMeanShares(s, expected);
    }

    [Fact]
    public void ModeChoice_IdenticalInstitutionsWithImitation_SharesAreTheLogitFixedPoint()
    {
        const double Jb = 0.1;
        var s = IdenticalInstitutions(imitation: Jb);
        var pi = Payoffs(s);
        var n = new[] { 1.0, 0, 0 };
        for (var k = 0; k < 500; k++)
            n = Softmax(pi.Select((p, m) => p + Jb * n[m]).ToArray(), 0.15);
        Assert.True(Math.Abs(n[2] - Softmax(pi, 0.15)[2]) > 0.01, "imitation should move the fixed point away from the plain softmax");
        AssertMeanShares(s, n);
    }

    private static void AssertMeanShares(Scenario s, double[] expected)
    {
        var run = Simulator.Run(s, 0);
        var late = run.Steps.Skip(50).ToArray();
        var observed = new[] { late.Average(m => m.PartnersNone), late.Average(m => m.PartnersLimited), late.Average(m => m.PartnersFull) };
        for (var m = 0; m < EnumSize.Modes; m++)
        {
            // Each step is an independent multinomial draw of 2,000 choices: 5 sd of the mean over the steps.
            var sd = Math.Sqrt(expected[m] * (1 - expected[m]) / Count / late.Length);
            Assert.True(Math.Abs(observed[m] - expected[m]) <= 5 * sd + 1e-4,
                $"mode {(PartnershipMode)m}: share {observed[m]:F4}, expected {expected[m]:F4} +- {5 * sd:F4}");
        }
    }

    private const int Members = 2_000;
    private const double RoutineReview = 0.1;

    /// <summary>
    /// Many identical banks of equal size that all hold Full at step 0, with Full banned at step 1
    /// (every one falls back to Limited, which is not a switch) and Limited made so costly that a
    /// reviewer leaves for None with certainty. Every review is then an exit, so the exits of a
    /// step count the reviews among the banks still in Limited. No imitation unless asked for: the
    /// review chance reads only the exit attention a_x.
    /// </summary>
    private static Scenario LeavingOneByOne(double exitAttention, double imitation = 0)
    {
        var quiet = TestScenarios.Quiet(4_000, 12);
        return quiet with
        {
            Platform = quiet.Platform with { ReachGrowth = 0 },
            Users = new UserSettings { Count = 4_000, Innovation = 0, Imitation = 0 },
            Modes = quiet.Modes with { Limited = quiet.Modes.Limited with { Cost = 50 } },
            Institutions = new InstitutionSettings
            {
                Generated = new GeneratedInstitutions { Banks = Members, Payments = 0, SizeExponent = 0, Mode = PartnershipMode.Full },
                Imitation = imitation,
                ExitAttention = exitAttention,
                Reconsider = RoutineReview,
                SwitchingCost = 0,
            },
            Interventions = [new InterventionSpec { Step = 1, Type = InterventionType.BanFullMode }],
        };
    }

    /// <summary>
    /// Step by step over five replications: banks still in Limited at the start of the step, and the
    /// review chance each of them had. None of them left in the previous step, so its d_j is the
    /// previous step's exits over the other Members - 1 banks (equal sizes); step 1 has no previous
    /// phase 6, and the ban's fallback in it must not count.
    /// </summary>
    private static List<(int Step, int Remaining, int Left, double Chance)> ReviewsByStep(double exitAttention)
    {
        var cells = new List<(int, int, int, double)>();
        for (var r = 0; r < 5; r++)
        {
            var run = Simulator.Run(LeavingOneByOne(exitAttention), r);
            var remaining = Members;
            var previousExits = 0;
            for (var t = 1; t < run.Steps.Count && remaining > 0; t++)
            {
                var exits = run.Steps[t].Exits;
                Assert.Equal(exits, run.Steps[t].Switches);
                var d = (double)previousExits / (Members - 1);
                var chance = 1 - (1 - RoutineReview) * (1 - Math.Min(1, exitAttention * d));
                cells.Add((t, remaining, exits, chance));
                remaining -= exits;
                previousExits = exits;
            }
        }
        return cells;
    }

    /// <summary>Each step's movers, and all steps pooled, within 5 sd of what the cells' chances expect.</summary>
    private static void AssertEachStepAndAllWithinFiveSd(List<(int Step, int Remaining, int Left, double Chance)> cells, string verb)
    {
        foreach (var step in cells.Select(c => c.Step).Distinct())
        {
            var (observed, expected, z) = Pooled(cells.Where(c => c.Step == step));
            Assert.True(Math.Abs(z) <= 5, $"step {step}: {observed} {verb}, expected {expected:F1} (z = {z:F2})");
        }
        Assert.True(Math.Abs(Pooled(cells).Z) <= 5);
    }

    /// <summary>Observed and expected leavers summed over the cells, and the z-score of the difference.</summary>
    private static (double Observed, double Expected, double Z) Pooled(IEnumerable<(int Step, int Remaining, int Left, double Chance)> cells)
    {
        var list = cells.ToList();
        var observed = list.Sum(c => (double)c.Left);
        var expected = list.Sum(c => c.Remaining * c.Chance);
        var variance = list.Sum(c => c.Remaining * c.Chance * (1 - c.Chance));
        return (observed, expected, (observed - expected) / Math.Sqrt(variance));
    }

    // Peers' exits are news (docs/ODD.md, Mode choice): with exit attention a_x = 2 and no
    // imitation a bank reviews with chance 1 - (1 - r_b)(1 - min(1, 2 d_j)), d_j the share of the
    // other banks that left for None in the previous step. In step 1 nobody has left yet, so the
    // chance is r_b; from step 2 it follows the previous step's exits. Each step's leavers, pooled
    // over five replications, are Binomial sums: within 5 sd of the formula. If the ban's fallback
    // counted as news, d would be 1 in step 2 and every bank would leave then.
    [Fact]
    public void ModeChoice_PeersLeftLastStep_ReviewChanceFollowsExitShare()
    {
        var cells = ReviewsByStep(exitAttention: 2);
        foreach (var step in cells.Select(c => c.Step).Distinct().Where(t => t <= 4))
        {
            var (observed, expected, z) = Pooled(cells.Where(c => c.Step == step));
            Assert.True(Math.Abs(z) <= 5, $"step {step}: {observed} left, expected {expected:F1} (z = {z:F2})");
        }
        var second = cells.Where(c => c.Step == 2).ToList();
        Assert.True(second.Average(c => c.Chance) > 2 * RoutineReview, "peers' exits in step 1 should at least double the review chance");
        Assert.All(second, c => Assert.True(c.Left < 0.6 * c.Remaining, $"{c.Left} of {c.Remaining} left in step 2: the ban's fallback was counted as news"));
        Assert.True(Math.Abs(Pooled(cells).Z) <= 5);

        // The chances above are the test's own formula; the model's must be the same: r_b before
        // any phase 6, and after step 1 the chance that step 1's exits give each bank for step 2
        // (its own exit left out of d_j).
        var s = LeavingOneByOne(exitAttention: 2);
        var world = WorldBuilder.Build(s, 5, new Recorder(s.Time));
        for (var j = 0; j < Members; j++)
            Assert.Equal(RoutineReview, world.Institutions.ReviewChance(j, RoutineReview));
        world.Step();
        Assert.True(world.Exits > 0);
        for (var j = 0; j < Members; j++)
        {
            var own = world.Institutions.Modes[j] == PartnershipMode.None ? 1 : 0;
            var d = (double)(world.Exits - own) / (Members - 1);
            var chance = 1 - (1 - RoutineReview) * (1 - Math.Min(1, 2 * d));
            Assert.Equal(chance, world.Institutions.ReviewChance(j, RoutineReview), 12);
        }
    }

    /// <summary>
    /// Many identical banks of equal size that all start in None, with Limited the only mode offered
    /// and made so valuable that a reviewer joins it with certainty (and stays). Every review of a
    /// bank in None is then an entry, and nobody ever leaves.
    /// </summary>
    private static Scenario JoiningOneByOne(double exitAttention)
    {
        var quiet = TestScenarios.Quiet(4_000, 12);
        return quiet with
        {
            Platform = quiet.Platform with { ReachGrowth = 0 },
            Users = new UserSettings { Count = 4_000, Innovation = 0, Imitation = 0 },
            Modes = quiet.Modes with { Limited = quiet.Modes.Limited with { Cost = -50 }, Offered = [PartnershipMode.Limited] },
            Institutions = new InstitutionSettings
            {
                Generated = new GeneratedInstitutions { Banks = Members, Payments = 0, SizeExponent = 0, Mode = PartnershipMode.None },
                ExitAttention = exitAttention,
                Reconsider = RoutineReview,
                SwitchingCost = 0,
            },
        };
    }

    // Entries are not news (docs/ODD.md, Mode choice and decision 17): with a_x = 2 the banks
    // still in None review at r_b alone, however many peers joined in the previous step. Each
    // step's entrants, pooled over five replications, within 5 sd of r_b times the banks still out
    // (had entries counted as news, step 2's chance would be about 0.28 instead of 0.1). And the
    // runs are entry for entry those with a_x = 0, where nothing can prompt a review.
    [Fact]
    public void ModeChoice_PeersEnteredLastStep_ReviewChanceStaysRoutine()
    {
        var cells = new List<(int Step, int Remaining, int Left, double Chance)>();
        for (var r = 0; r < 5; r++)
        {
            var run = Simulator.Run(JoiningOneByOne(exitAttention: 2), r);
            var unprompted = Simulator.Run(JoiningOneByOne(exitAttention: 0), r);
            Assert.Equal(unprompted.Steps.Select(m => m.Switches), run.Steps.Select(m => m.Switches));
            var outside = Members;
            for (var t = 1; t < run.Steps.Count; t++)
            {
                var entries = run.Steps[t].Switches;
                Assert.Equal(0, run.Steps[t].Exits);
                cells.Add((t, outside, entries, RoutineReview));
                outside -= entries;
            }
            Assert.True(run.Steps[1].Switches > 0 && outside > 0);
        }
        AssertEachStepAndAllWithinFiveSd(cells, "entered");

        var s = JoiningOneByOne(exitAttention: 2);
        var world = WorldBuilder.Build(s, 5, new Recorder(s.Time));
        world.Step();
        Assert.Contains(true, world.Institutions.SwitchedThisStep.ToArray());
        for (var j = 0; j < world.Institutions.Count; j++)
            Assert.Equal(RoutineReview, world.Institutions.ReviewChance(j, RoutineReview));
    }

    // Without exit attention the review chance is r_b whatever peers did, even when they imitate
    // (J_b = 0.3 in the world checked below; the pull of peers' modes is a payoff term, not a
    // prompt): every step's leavers, pooled over five replications, within 5 sd of r_b times the
    // banks remaining. ReviewChance returns r_b itself (not a value within rounding of it), so
    // a_x = 0 runs are draw for draw the same as under the plain rule.
    [Fact]
    public void ModeChoice_NoExitAttention_ReviewChanceStaysRoutine()
    {
        var cells = ReviewsByStep(exitAttention: 0).Select(c => c with { Chance = RoutineReview }).ToList();
        AssertEachStepAndAllWithinFiveSd(cells, "left");

        var s = LeavingOneByOne(exitAttention: 0, imitation: 0.3);
        var world = WorldBuilder.Build(s, 5, new Recorder(s.Time));
        for (var t = 0; t < 3; t++) world.Step();
        Assert.Contains(true, world.Institutions.SwitchedThisStep.ToArray());
        for (var j = 0; j < world.Institutions.Count; j++)
            Assert.Equal(RoutineReview, world.Institutions.ReviewChance(j, RoutineReview));
    }

    // Exit attention became its own parameter (MODEL.md R3.5) with the default a_x = 2, the
    // J_b/mu_b that weighed peers' exits before, so default runs must not move: 0.3/0.15 is 2.0
    // exactly in binary, and after a step with exits every bank's chance is, to the last bit, the
    // old r_b + (1 - r_b) min(1, (J_b/mu_b) d_j).
    [Fact]
    public void ReviewChance_DefaultExitAttention_IsTheOldImitationOverChoiceNoise()
    {
        var defaults = new InstitutionSettings();
        Assert.Equal(defaults.Imitation / defaults.ChoiceNoise, defaults.ExitAttention);

        var leaving = LeavingOneByOne(exitAttention: 0);
        var s = leaving with
        {
            Institutions = leaving.Institutions with
            {
                Imitation = defaults.Imitation, ChoiceNoise = defaults.ChoiceNoise, ExitAttention = defaults.ExitAttention,
            },
        };
        var world = WorldBuilder.Build(s, 5, new Recorder(s.Time));
        world.Step();
        Assert.True(world.Exits > 0);
        var oldWeight = defaults.Imitation / defaults.ChoiceNoise;
        for (var j = 0; j < Members; j++)
        {
            var old = RoutineReview + (1 - RoutineReview) * Math.Min(1, oldWeight * world.Institutions.PeerExitShare(j));
            Assert.Equal(old, world.Institutions.ReviewChance(j, RoutineReview));
        }
    }
}
