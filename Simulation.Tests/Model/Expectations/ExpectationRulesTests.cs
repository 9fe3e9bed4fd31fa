using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Model.Expectations;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Model.Expectations;

/// <summary>
/// The expectation submodels of MODEL.md R3.3: each rule's arithmetic, the registry, and the
/// measurements behind the choice of the default (docs/validation.md, "Expectation rules").
/// </summary>
public sealed class ExpectationRulesTests(ITestOutputHelper output)
{
    private static readonly InstitutionProfile Bank = new("Bank", InstitutionType.Bank, 1, 1, 0.5, PartnershipMode.None);

    [Fact]
    public void Create_EveryRuleTheScenarioCanName_HasItsOwnSubmodel()
    {
        var setup = new ExpectationSetup(3, _ => 0.5, 0.02);
        var types = Enum.GetValues<ExpectationRule>().Select(r => ExpectationRules.Create(r, setup).GetType()).ToList();
        Assert.Equal(types.Count, types.Distinct().Count());
    }

    [Fact]
    public void Expected_Foresight_IsTheForesightValue()
    {
        Assert.Equal(0.113, new ForesightExpectation().Expected(0, 0.113));
    }

    [Fact]
    public void Expected_Awareness_ScalesByTheAwareShareNow()
    {
        var aware = new[] { 0.25, 0.0 };
        var rule = new AwarenessExpectation(j => aware[j]);
        Assert.Equal(0.1 * 0.25, rule.Expected(0, 0.1), 15);
        Assert.Equal(0, rule.Expected(1, 0.1));
    }

    // A partner moves d towards A/Ahat* at rate k; an institution in None towards the size-weighted
    // mean discount of its type's partners (weights 1 and 3 here), synchronously; alone, it stays.
    [Fact]
    public void Observe_Learning_PartnersLearnFromAdoptionAndOutsidersFromPeers()
    {
        const double K = 0.1;
        var rule = new LearningExpectation(4, K);
        InstitutionProfile[] profiles =
        [
            Bank with { Size = 1 }, Bank with { Size = 3 }, Bank, Bank with { Type = InstitutionType.Payment },
        ];
        PartnershipMode[] modes = [PartnershipMode.Full, PartnershipMode.Limited, PartnershipMode.None, PartnershipMode.None];
        double[] realised = [0.02, 0.01, 0, 0];
        double[] foresight = [0.1, 0.04, 0, 0];
        rule.Observe(new ExpectationEvidence(modes, profiles, j => realised[j], j => foresight[j]));
        Assert.Equal(1 + K * (0.2 - 1), rule.Discounts[0], 12);
        Assert.Equal(1 + K * (0.25 - 1), rule.Discounts[1], 12);
        // The peers' discounts as they stood (both 1) before this step's update.
        Assert.Equal(1.0, rule.Discounts[2], 12);
        Assert.Equal(1.0, rule.Discounts[3], 12);
        var peers = (1 * rule.Discounts[0] + 3 * rule.Discounts[1]) / 4;
        rule.Observe(new ExpectationEvidence(modes, profiles, j => realised[j], j => foresight[j]));
        Assert.Equal(1 + K * (peers - 1), rule.Discounts[2], 12);
        Assert.Equal(1.0, rule.Discounts[3], 12);
        Assert.Equal(0.3 * rule.Discounts[0], rule.Expected(0, 0.3), 15);
    }

    /// <summary>What one run shows about a rule: S3 on the eve of the scandal and how Full partners' expectations compare with what they got.</summary>
    private sealed class Probe(Scenario scenario) : IStepHook
    {
        private World? _world;
        public double RealisedSum { get; private set; }
        public double ExpectedSum { get; private set; }

        public void Built(World world, Recorder recorder) => _world = world;

        public void Stepping(int step) { }

        public void Stepped(int step)
        {
            var w = _world!;
            if (step <= 130) return;
            var full = scenario.Modes.For(PartnershipMode.Full);
            var choice = UserChoice.From(scenario.Users);
            for (var j = 0; j < w.Institutions.Count; j++)
            {
                if (w.Institutions.Modes[j] != PartnershipMode.Full) continue;
                var customers = w.Users.Customers(j);
                var a = w.Users.AdoptionShare(j);
                var foresight = w.Users.Outlook.Expected(j, choice, full.Benefit, full.Exposure, w.Platform.Reputation, a);
                RealisedSum += customers * a;
                ExpectedSum += customers * w.Institutions.Expectation.Expected(j, foresight);
            }
        }

        public void Finished() { }
    }

    // The default is chosen by MODEL.md R3.3's criteria: (1) S1-S6 hold; (2) over the second half of
    // the cambridge-analytica run (steps 131-260) Full partners' realised adoption is within a factor
    // of 2 of what they expected; (3) the simplest of those. Shipped cambridge-analytica.yaml at
    // 2,000 users, 10 replications per rule. S3 is the fact that tells the rules apart (S1, S2 and
    // S6 are platform-level and do not depend on institutions): on the eve of the scandal (step 100)
    // at least 80% of payment firms in Full and at least 3 of 30 banks in Limited, as in
    // WorldTests.Step_DefaultsWithCambridgeAnalytica_BanksAvoidFullWhilePaymentFirmsIntegrate.
    // Measured: foresight keeps S3 (100% of payment firms in Full, 22.7 banks in Limited) but expects
    // about 5 times what its Full partners get (ratio 0.19); awareness (0%, ratio 0.17) and learning
    // (21%, ratio 1.05) partner too little to keep S3. No rule meets both criteria, so
    // foresight stays the default, as R3.3 says to do in that case.
    [Fact]
    public void Run_CambridgeAnalyticaUnderEachRule_NoRuleMeetsBothCriteriaSoForesightStays()
    {
        var results = new Dictionary<ExpectationRule, (double PaymentsFull, double BanksLimited, double Ratio)>();
        foreach (var rule in Enum.GetValues<ExpectationRule>())
        {
            var file = Path.Combine(Paths.RepositoryRoot(), "scenarios", "cambridge-analytica.yaml");
            var loaded = ScenarioLoader.Load(file, ["users.count=2000", $"institutions.expectations={rule.ToString().ToLowerInvariant()}"]);
            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
            double paymentsFull = 0, banksLimited = 0, realised = 0, expected = 0;
            const int Replications = 10;
            for (var r = 0; r < Replications; r++)
            {
                var probe = new Probe(loaded.Scenario!);
                var run = Simulator.Run(loaded.Scenario!, r, Simulator.ReplicationSeed(loaded.Scenario!, r), hook: probe);
                paymentsFull += run.Steps[100].PaymentsFull / Replications;
                banksLimited += run.Steps[100].BanksLimited * 30 / Replications;
                realised += probe.RealisedSum;
                expected += probe.ExpectedSum;
            }
            var ratio = expected > 0 ? realised / expected : double.NaN;
            results[rule] = (paymentsFull, banksLimited, ratio);
            output.WriteLine($"{rule}: payment firms in Full at step 100 {paymentsFull:P1}, banks in Limited {banksLimited:0.0} of 30, " +
                             $"Full partners' realised / expected adoption over steps 131-260 {ratio:0.000}");
        }
        var foresight = results[ExpectationRule.Foresight];
        Assert.True(foresight.PaymentsFull >= 0.8 && foresight.BanksLimited >= 3, "foresight keeps S3");
        Assert.True(foresight.Ratio < 0.5, $"foresight over-expects by more than 2x (ratio {foresight.Ratio:0.000})");
        foreach (var rule in new[] { ExpectationRule.Awareness, ExpectationRule.Learning })
            Assert.True(results[rule].PaymentsFull < 0.8 || results[rule].BanksLimited < 3, $"{rule} loses S3");
        Assert.Equal(ExpectationRule.Foresight, new InstitutionSettings().Expectations);
    }
}
