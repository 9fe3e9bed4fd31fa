using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

/// <summary>
/// The users' phase visits only the users drawn to act (geometric skips, thinning under a
/// network). These tests hold the counts it produces to the model's law: each eligible user acts
/// independently with its own chance, so a step's count is a sum of Bernoulli draws.
/// </summary>
public sealed class UserPopulationSamplingTests
{
    private const int Seeds = 400;

    // Institution influence, everyone unaware, q = 0: the newly aware in step 1 are Binomial(n, p),
    // and so are the reconsidering users (chance r_u) who switch when adoption is certain.
    [Fact]
    public void Adoption_InstitutionInfluence_StepCountsAreBinomial()
    {
        const int Users = 3_000;
        const double P = 0.05, R = 0.2;
        var s = TestScenarios.IdenticalUsersOneFullPartner(Users, concern: 0, hurdle: -30, peerInfluence: 0, noise: 0.25,
            reconsider: R, steps: 2);
        s = s with { Users = s.Users with { Innovation = P } };
        var aware = new double[Seeds];
        var adopters = new double[Seeds];
        for (var seed = 0; seed < Seeds; seed++)
        {
            var world = WorldBuilder.Build(s, (ulong)seed + 1, new Recorder(s.Time));
            world.Step();
            aware[seed] = world.Users.TotalAware();
            var aware1 = world.Users.TotalAware();
            world.Step();
            // Every user aware at step 1 reconsiders with chance R and then adopts for sure (hurdle -30).
            adopters[seed] = world.Users.TotalAdopters() / (double)aware1;
        }
        AssertMeanAndVariance(aware, Users * P, Users * P * (1 - P), "newly aware");
        var meanAware = Users * P;
        AssertMeanAndVariance(adopters, R, R * (1 - R) / meanAware, "share of step-1 aware adopting", varianceTolerance: 0.35);
    }

    // Network influence: after step 1, each unaware user's chance is p + q * (aware neighbours /
    // degree); the newly aware in step 2 must have mean and variance sum(c) and sum(c(1-c)).
    [Fact]
    public void Adoption_NetworkInfluence_ThinnedDrawsKeepEachUsersOwnChance()
    {
        const int Users = 4_000;
        var s = TestScenarios.Quiet(Users, 2) with
        {
            Users = new UserSettings { Count = Users, Influence = InfluenceKind.Network, Innovation = 0.1, Imitation = 0.6 },
        };
        var z = new double[Seeds];
        for (var seed = 0; seed < Seeds; seed++)
        {
            var world = WorldBuilder.Build(s, (ulong)seed + 1, new Recorder(s.Time));
            world.Step();
            double mean = 0, variance = 0;
            var before = world.Users.TotalAware();
            for (var i = 0; i < Users; i++)
            {
                if (world.Users.IsAware(i)) continue;
                var degree = world.Users.Network!.Degree(i);
                var c = 0.1 + 0.6 * (degree == 0 ? 0 : (double)world.Users.NeighbourCounts(i).Aware / degree);
                mean += c;
                variance += c * (1 - c);
            }
            world.Step();
            z[seed] = (world.Users.TotalAware() - before - mean) / Math.Sqrt(variance);
        }
        AssertMeanAndVariance(z, 0, 1, "standardised newly aware");
    }

    private static void AssertMeanAndVariance(double[] x, double mean, double variance, string what, double varianceTolerance = 0.25)
    {
        var m = x.Average();
        var v = x.Sum(a => (a - m) * (a - m)) / (x.Length - 1);
        // The mean of 400 draws lies within 4 standard errors; the sample variance of 400 draws
        // has a relative sd of about sqrt(2/399) = 7%, so 25% is over 3 sd.
        Assert.InRange(m, mean - 4 * Math.Sqrt(variance / x.Length), mean + 4 * Math.Sqrt(variance / x.Length));
        Assert.True(Math.Abs(v / variance - 1) < varianceTolerance, $"{what}: variance {v:F4}, expected {variance:F4}");
    }
}
