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
        var result = new double[3];
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
        for (var m = 0; m < 3; m++)
        {
            // Each step is an independent multinomial draw of 2,000 choices: 5 sd of the mean over the steps.
            var sd = Math.Sqrt(expected[m] * (1 - expected[m]) / Count / late.Length);
            Assert.True(Math.Abs(observed[m] - expected[m]) <= 5 * sd + 1e-4,
                $"mode {(PartnershipMode)m}: share {observed[m]:F4}, expected {expected[m]:F4} +- {5 * sd:F4}");
        }
    }

    // The binned outlook stands in for the exact mean over customers within 0.5%.
    [Theory]
    [InlineData(0.79, 0.0)]
    [InlineData(0.27, 0.1)]
    [InlineData(0.95, 0.5)]
    [InlineData(0.05, 0.9)]
    public void Expected_BinnedCustomers_WithinHalfPercentOfExactMean(double reputation, double adoptionShare)
    {
        var s = TestScenarios.Quiet(200_000, 1);
        var world = WorldBuilder.Build(s, 11, new Recorder(s.Time));
        var choice = UserChoice.From(s.Users);
        foreach (var m in new[] { s.Modes.Limited, s.Modes.Full })
        {
            for (var j = 0; j < world.Institutions.Count; j += 7)
            {
                var exact = AdoptionOutlook.ExpectedExact(world.Users.ConcernOf(j), world.Users.OffsetOf(j), choice,
                    m.Benefit, m.Exposure, reputation, adoptionShare);
                var binned = world.Users.Outlook.Expected(j, choice, m.Benefit, m.Exposure, reputation, adoptionShare);
                Assert.True(Math.Abs(binned - exact) <= 0.005 * exact, $"institution {j}: binned {binned:G6}, exact {exact:G6}");
            }
        }
    }
}
