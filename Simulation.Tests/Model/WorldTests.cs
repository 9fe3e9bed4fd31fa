using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

public sealed class WorldTests
{
    private static readonly ShockSpec CambridgeAnalytica = new() { Step = 101, Type = ShockType.Misuse, Affected = 87e6, Label = "Cambridge Analytica" };

    // S1: the Cambridge Analytica shock (87M of about 2.2B, misuse) takes R from 0.79 to 0.27,
    // to 0.33 a week later, and leaves a gap of about 0.17 after a year. Breaches are off so
    // that only the scandal moves R.
    [Fact]
    public void Step_CambridgeAnalyticaShock_ReproducesPonemonCollapseAndRebound()
    {
        var s = TestScenarios.Quiet(2_000, 153) with { Shocks = [CambridgeAnalytica] };
        var run = Simulator.Run(s, 0);
        Assert.Equal(0.79, run.Steps[100].Reputation, 12);
        Assert.InRange(run.Steps[100].Reach, 2.19e9, 2.21e9);
        Assert.InRange(run.Steps[101].Reputation, 0.25, 0.29);
        Assert.InRange(run.Steps[102].Reputation, 0.31, 0.35);
        Assert.InRange(0.79 - run.Steps[153].Reputation, 0.15, 0.19);
        Assert.Equal(new DateOnly(2018, 3, 19), run.Steps[101].Date);
    }

    // A9: breaches are Bernoulli(h) each step, so P(at least one in 104 weeks) = 1-(1-h0)^104 = 0.276
    // with no safeguards and no records held.
    [Fact]
    public void Breaches_NoRecordsNoSafeguards_AtLeastOneIn104WeeksWithBinomialProbability()
    {
        const int Runs = 3_000;
        var s = new Scenario
        {
            Time = new TimeSettings { Steps = 105 },
            Users = new UserSettings { Count = 10 },
            Modes = new ModeSettings { Offered = [] },
        };
        // The shipped default h0 is the one that gives MODEL.md's 0.276.
        var expected = 1 - Math.Pow(1 - s.Platform.Breaches.Hazard, 104);
        Assert.Equal(0.276, expected, 3);
        var hit = 0;
        for (var r = 0; r < Runs; r++)
        {
            var run = Simulator.Run(s, r);
            // A breach drawn at step t hits at step t+1: steps 2..105 show the draws of weeks 1..104.
            if (run.Steps.Skip(2).Any(m => m.Breaches > 0)) hit++;
            // Step 0 is the state before any step, with no hazard computed yet.
            Assert.All(run.Steps.Skip(1), m => Assert.Equal(0.0031, m.BreachHazard, 12));
        }
        var observed = (double)hit / Runs;
        var sd = Math.Sqrt(expected * (1 - expected) / Runs);
        Assert.True(Math.Abs(observed - expected) <= 4 * sd, $"observed {observed:F4}, expected {expected:F4} +- {4 * sd:F4}");
    }

    // A10: invariants hold at every step of a busy run (random scandals, breaches, a ban, a warning).
    [Theory]
    [InlineData("Institution")]
    [InlineData("Network")]
    public void Step_BusyScenario_InvariantsHoldEveryStep(string influenceName)
    {
        var influence = Enum.Parse<InfluenceKind>(influenceName);
        var s = new Scenario
        {
            Time = new TimeSettings { Steps = 200 },
            Users = new UserSettings { Count = 5_000, Influence = influence, Hurdle = 0.6 },
            Platform = new PlatformSettings { Breaches = new BreachSettings { Hazard = 0.02 } },
            Scandals = new ScandalSettings { Rate = 6 },
            Shocks = [CambridgeAnalytica, new ShockSpec { Step = 110, Type = ShockType.Commitment, Severity = 0.5, Safeguards = 0.2 }],
            Interventions =
            [
                new InterventionSpec { Step = 120, Type = InterventionType.Warning, Multiplier = 3, Duration = 2 },
                new InterventionSpec { Step = 150, Type = InterventionType.BanFullMode },
            ],
        };
        var recorder = new Recorder(s.Time);
        var world = WorldBuilder.Build(s, 3, recorder);
        for (var t = 1; t <= s.Time.Steps; t++)
        {
            world.Step();
            recorder.Record(world);
            var m = recorder.Steps[^1];
            Assert.Equal(1.0, m.PartnersNone + m.PartnersLimited + m.PartnersFull, 12);
            Assert.InRange(world.Platform.Reputation, 0, 1);
            Assert.Equal(world.Platform.Reputation, Math.Clamp(world.Platform.Anchor - world.Platform.FastGap - world.Platform.SlowGap, 0, 1), 12);
            var partners = 0;
            for (var j = 0; j < world.Institutions.Count; j++)
            {
                var eligible = world.Institutions.Modes[j] == PartnershipMode.None ? 0 : world.Users.Aware(j);
                Assert.InRange(world.Users.Adopters(j), 0, eligible);
                if (world.Institutions.Modes[j] != PartnershipMode.None) partners++;
            }
            if (partners == 0) Assert.Equal(0, world.RecordsHeld);
            if (t >= 150) Assert.Equal(0, m.PartnersFull);
        }
        Assert.Contains(recorder.Events, e => e.Event.Kind == EventKind.WarningEnd && e.Step == 121);
        Assert.Contains(recorder.Events, e => e.Event.Kind == EventKind.Breach);
    }

    [Fact]
    public void Step_NetworkInfluence_NeighbourCountsMatchNeighbours()
    {
        var s = TestScenarios.Quiet(3_000, 80) with
        {
            Users = new UserSettings { Count = 3_000, Influence = InfluenceKind.Network, Innovation = 0.02, Hurdle = 0.5 },
            Institutions = new InstitutionSettings { Generated = new GeneratedInstitutions { Mode = PartnershipMode.Full } },
        };
        var world = WorldBuilder.Build(s, 5, new Recorder(s.Time));
        for (var t = 0; t < 80; t++) world.Step();
        var net = world.Users.Network!;
        for (var i = 0; i < world.Users.Count; i++)
        {
            var aware = 0;
            var adopting = 0;
            foreach (var n in net.NeighboursOf(i))
            {
                if (world.Users.IsAware(n)) aware++;
                if (world.Users.IsAdopter(n)) adopting++;
            }
            Assert.Equal((aware, adopting), world.Users.NeighbourCounts(i));
        }
        Assert.True(world.Users.TotalAdopters() > 0);
    }

    // The regulator: stringency rises by sigma at a hearing, then relaxes towards S0 at kS.
    [Fact]
    public void Step_Hearing_RaisesStringencyThenRelaxes()
    {
        var s = TestScenarios.Quiet(100, 30) with { Shocks = [new ShockSpec { Step = 10, Type = ShockType.Hearing, Severity = 0.9 }] };
        var run = Simulator.Run(s, 0);
        Assert.Equal(0.2, run.Steps[9].Stringency, 12);
        Assert.Equal(0.3, run.Steps[10].Stringency, 12);
        Assert.Equal(0.3 + 0.01 * (0.2 - 0.3), run.Steps[11].Stringency, 12);
    }

    // S3: under the shipped defaults payment firms integrate fully and banks stay out or go
    // Limited before CA (at most 20% of banks in Full at every step up to CA, at least 80% of
    // payment firms in Full and at least 3 of 30 banks in Limited on its eve), and banks move
    // into Full after it less than 0.5 times per run on average (20 seeds, breaches on).
    [Fact]
    public void Step_DefaultsWithCambridgeAnalytica_BanksAvoidFullWhilePaymentFirmsIntegrate()
    {
        var s = new Scenario { Users = new UserSettings { Count = 3_000 }, Shocks = [CambridgeAnalytica] };
        var banks = new HashSet<string>(Enumerable.Range(1, 30).Select(i => $"Bank {i}"));
        var moves = 0;
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var run = Simulator.Run(s with { Seed = seed }, 0);
            var eve = run.Steps[100];
            Assert.True(eve.PaymentsFull >= 0.8, $"seed {seed}: payment firms in Full {eve.PaymentsFull:F2}");
            Assert.True(eve.BanksLimited * 30 >= 3 - 1e-9, $"seed {seed}: banks in Limited {eve.BanksLimited:F2}");
            Assert.All(run.Steps.Take(101), m => Assert.True(m.BanksFull <= 0.2, $"seed {seed}, step {m.Step}: banks in Full {m.BanksFull:F2}"));
            moves += run.Events.Count(e => e.Event.Kind == EventKind.ModeSwitch && e.Step >= 101 && banks.Contains(e.Event.Institution) && e.Event.To == PartnershipMode.Full);
        }
        Assert.True(moves / 20.0 < 0.5, $"bank moves into Full after CA average {moves / 20.0:F2}");
    }

    // A ban on Full where Limited is not offered either: Full partners leave and their customers stop adopting.
    [Fact]
    public void Step_BanWithOnlyFullOffered_PartnersFallToNoneAndAdoptersStop()
    {
        var s = TestScenarios.IdenticalUsersOneFullPartner(2_000, 1.0, -2, 0, 0.25, 1, 30) with
        {
            Modes = new ModeSettings { Offered = [PartnershipMode.Full] },
            Interventions = [new InterventionSpec { Step = 20, Type = InterventionType.BanFullMode }],
        };
        var run = Simulator.Run(s, 0);
        Assert.True(run.Steps[19].Adoption > 0.9);
        Assert.Equal(1.0, run.Steps[20].PartnersNone);
        Assert.Equal(0, run.Steps[20].Adoption);
        Assert.Equal(0, run.Steps[20].RecordsHeld);
    }

    // A warning of T steps weighs on welfare in each of its T steps.
    [Fact]
    public void Step_WarningOfOneStep_CountsInThatStepsWelfare()
    {
        var basis = TestScenarios.IdenticalUsersOneFullPartner(1_000, 1.0, -2, 0, 0.25, 1, 12);
        var warned = basis with { Interventions = [new InterventionSpec { Step = 10, Type = InterventionType.Warning, Multiplier = 3, Duration = 1 }] };
        var plain = Simulator.Run(basis, 0);
        var hit = Simulator.Run(warned, 0);
        Assert.Equal(plain.Steps[9].Welfare, hit.Steps[9].Welfare, 12);
        // Full exposure 1, rho U(0.5,1.5) for the one bank, S = 0.2: welfare falls by 2 * rho * S * size~ (size~ = 1).
        var rho = hit.Institutions[0].Rho;
        var extra = (plain.Steps[10].Welfare - plain.Steps[9].Welfare) - (hit.Steps[10].Welfare - hit.Steps[9].Welfare);
        Assert.Equal(2 * rho * 0.2, extra, 9);
        Assert.Equal(plain.Steps[11].Welfare - plain.Steps[10].Welfare, hit.Steps[11].Welfare - hit.Steps[10].Welfare, 9);
    }
}
