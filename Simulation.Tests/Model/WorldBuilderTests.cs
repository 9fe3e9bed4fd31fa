using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

/// <summary>
/// Initialization draws each purpose from its own stream (R3.6): users' attributes, the dealing of
/// users to institutions, banks' and payment firms' attributes. So two scenarios that differ in
/// their institutions share their users' draws (common random numbers), and the other way round.
/// User i (the i-th drawn) sits at storage position i at step 0, so positions name users here.
/// </summary>
public sealed class WorldBuilderTests
{
    private const ulong Seed = 2016;

    private static readonly Scenario Base = TestScenarios.Quiet(users: 5_000, steps: 1);

    private static Scenario WithGenerated(int banks, int payments) => Base with
    {
        Institutions = Base.Institutions with
        {
            Generated = Base.Institutions.Generated with { Banks = banks, Payments = payments },
        },
    };

    private static readonly Scenario WithNamed = Base with
    {
        Institutions = Base.Institutions with
        {
            Named =
            [
                new NamedInstitution { Name = "Big Bank", Type = InstitutionType.Bank, Size = 2, Theta = 4, Rho = 1 },
                new NamedInstitution { Name = "Small Pay", Type = InstitutionType.Payment, Size = 0.1, Theta = 0.3, Rho = 0.4 },
            ],
        },
    };

    // Fewer payment firms, more banks, or named institutions added: each user's institution changes
    // (the dealing is over other sizes), but not its concern or its trust offset.
    [Fact]
    public void Build_OtherInstitutionCounts_KeepsEachUsersConcernAndOffset()
    {
        var reference = Build(Base);
        foreach (var other in new[] { WithGenerated(30, 5), WithGenerated(45, 10), WithGenerated(3, 0), WithNamed })
        {
            var world = Build(other);
            Assert.Equal(Concern(reference), Concern(world));
            Assert.Equal(Offset(reference), Offset(world));
            Assert.NotEqual(InstitutionOfEachUser(reference), InstitutionOfEachUser(world));
        }
    }

    // Banks and payment firms draw from streams of their own, firm by firm in name order: Bank k
    // and Payment firm k keep their theta and rho when the number of either type changes or named
    // institutions are added (their ranks, and so their sizes, may move).
    [Fact]
    public void Build_OtherInstitutionCounts_KeepsThetaAndRhoOfTheInstitutionsInCommon()
    {
        var reference = Attributes(Build(Base));
        var compared = 0;
        foreach (var other in new[] { WithGenerated(30, 5), WithGenerated(45, 10), WithGenerated(3, 0), WithGenerated(30, 20), WithNamed })
        {
            foreach (var (name, attributes) in Attributes(Build(other)))
            {
                if (!reference.TryGetValue(name, out var expected)) continue;
                Assert.Equal(expected, attributes);
                compared++;
            }
        }
        // Every institution in common: 30 banks and 5 firms, 30 and 10, 3 banks, 30 and 10, all 40 generated.
        Assert.Equal(35 + 40 + 3 + 40 + 40, compared);
    }

    // Institutions' attributes do not depend on the number of users, and user i's attributes do not
    // depend on how many users are drawn after it.
    [Fact]
    public void Build_FewerUsers_KeepsInstitutionsAndTheFirstUsersAttributes()
    {
        var reference = Build(Base);
        var fewer = Build(Base with { Users = Base.Users with { Count = 3_000 } });
        Assert.Equal(reference.Institutions.Profiles, fewer.Institutions.Profiles);
        Assert.Equal(Concern(reference)[..3_000], Concern(fewer));
        Assert.Equal(Offset(reference)[..3_000], Offset(fewer));
    }

    private static World Build(Scenario s) => WorldBuilder.Build(s, Seed, new Recorder(s.Time));

    // Storage order at step 0: institution by institution, so block j's span follows block j-1's.
    private static float[] Concern(World w) =>
        [.. Enumerable.Range(0, w.Institutions.Count).SelectMany(j => w.Users.ConcernOf(j).ToArray())];

    private static float[] Offset(World w) =>
        [.. Enumerable.Range(0, w.Institutions.Count).SelectMany(j => w.Users.OffsetOf(j).ToArray())];

    private static string[] InstitutionOfEachUser(World w) =>
        [.. Enumerable.Range(0, w.Institutions.Count).SelectMany(j => Enumerable.Repeat(w.Institutions.Profiles[j].Name, w.Users.Customers(j)))];

    private static Dictionary<string, (double Theta, double Rho)> Attributes(World w) =>
        w.Institutions.Profiles.ToDictionary(p => p.Name, p => (p.Theta, p.Rho));
}
