using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;
using TrustSim.Core;
using TrustSim.Model.Expectations;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// Initialization: builds the world of step 0 from a scenario and a run seed. Institutions get
/// rank-size sizes and drawn attributes, users are dealt to institutions in proportion to size
/// and drawn their concern and trust offset, and the network (if any) is laid over them. Each of
/// these draws from a stream of its own, so scenarios that differ in one (say the number of
/// institutions) keep the others' draws: common random numbers for comparing them.
/// </summary>
internal static class WorldBuilder
{
    /// <summary>
    /// The world of step 0. <paramref name="pool"/> (null: one thread) runs the users' chunks
    /// during the run; it never changes the results.
    /// </summary>
    public static World Build(Scenario scenario, ulong runSeed, IEventLog log, ChunkPool? pool = null)
    {
        var profiles = InstitutionProfiles(scenario.Institutions, runSeed);
        var users = Users(scenario.Users, profiles, runSeed, pool);
        var rates = StepRates.For(scenario);
        var expectation = ExpectationRules.Create(scenario.Institutions.Expectations,
            new ExpectationSetup(profiles.Count, users.AwareShare, rates.ExpectationLearning));
        return new World(scenario, new Platform(scenario.Platform, rates), users,
            new Institutions(profiles, scenario.Institutions, expectation), new Regulator(scenario.Regulator, rates), runSeed, log);
    }

    /// <summary>
    /// Generated institutions by rank (rank 1 the largest), then the named ones. Banks and payment
    /// firms draw from a stream of their own type, in the order of their names (Bank 1, Bank 2, ...),
    /// so Bank k keeps its theta and rho when the number of payment firms or of banks after it
    /// changes, though its rank, and so its size, may move.
    /// </summary>
    public static IReadOnlyList<InstitutionProfile> InstitutionProfiles(InstitutionSettings settings, ulong runSeed)
    {
        var g = settings.Generated;
        var total = g.Banks + g.Payments;
        var paymentRanks = PaymentRanks(g, total);
        var bankRng = SeedSequence.For(runSeed, SeedSequence.Stream.BankAttributes);
        var paymentRng = SeedSequence.For(runSeed, SeedSequence.Stream.PaymentAttributes);
        var profiles = new List<InstitutionProfile>(total + settings.Named.Count);
        int banks = 0, payments = 0;
        for (var rank = 1; rank <= total; rank++)
        {
            var size = Math.Pow(rank, -g.SizeExponent);
            var isPayment = paymentRanks.Contains(rank);
            var rng = isPayment ? paymentRng : bankRng;
            var theta = Sampling.Draw(isPayment ? g.PaymentTheta : g.BankTheta, rng);
            var rho = Sampling.Draw(isPayment ? g.PaymentRho : g.BankRho, rng);
            var name = isPayment ? $"Payment firm {++payments}" : $"Bank {++banks}";
            profiles.Add(new InstitutionProfile(name, isPayment ? InstitutionType.Payment : InstitutionType.Bank,
                size, Math.Max(0, theta), Math.Max(0, rho), g.Mode));
        }
        foreach (var n in settings.Named)
            profiles.Add(new InstitutionProfile(n.Name, n.Type, n.Size, n.Theta, n.Rho, n.Mode));
        return profiles;
    }

    /// <summary>Payment firms take the listed ranks, or ranks spread evenly over all ranks.</summary>
    private static HashSet<int> PaymentRanks(GeneratedInstitutions g, int total)
    {
        if (g.PaymentRanks.Count > 0) return [.. g.PaymentRanks];
        var ranks = new HashSet<int>();
        for (var k = 0; k < g.Payments; k++)
            ranks.Add((int)((k + 0.5) * total / g.Payments) + 1);
        return ranks;
    }

    /// <summary>
    /// User i (the i-th drawn) draws its concern and offset from the user-attribute stream and is
    /// stored at position i; the dealing, from a stream of its own, only cuts positions into
    /// institutions' blocks. The users being exchangeable, this is the model's law (each user's
    /// institution independent of its attributes), and user i keeps its attributes, and its place
    /// in the network, whatever the institutions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static UserPopulation Users(UserSettings settings, IReadOnlyList<InstitutionProfile> profiles, ulong runSeed,
        ChunkPool? pool)
    {
        var blockStart = DealCustomers(settings.Count, profiles, SeedSequence.For(runSeed, SeedSequence.Stream.Dealing));
        var rng = SeedSequence.For(runSeed, SeedSequence.Stream.UserAttributes);
        var concern = new float[settings.Count];
        var offset = new float[settings.Count];
        // User by user, concern then offset, so user i's draws do not depend on how many users follow.
        for (var i = 0; i < settings.Count; i++)
        {
            concern[i] = (float)Math.Max(0, Sampling.Draw(settings.Concern, rng));
            offset[i] = (float)Sampling.Draw(settings.TrustOffset, rng);
        }
        var network = settings.Influence == InfluenceKind.Network
            ? SocialNetwork.WattsStrogatz(settings.Count, settings.Network.Degree, settings.Network.Rewiring,
                SeedSequence.For(runSeed, SeedSequence.Stream.Network))
            : null;
        return new UserPopulation(concern, offset, blockStart, network, runSeed, pool);
    }

    /// <summary>
    /// Each user's institution is drawn with probability proportional to size; drawing the counts
    /// as a multinomial (a chain of binomials) gives the same law and lets users be stored by institution.
    /// </summary>
    private static int[] DealCustomers(int users, IReadOnlyList<InstitutionProfile> profiles, RandomStream rng)
    {
        var blockStart = new int[profiles.Count + 1];
        var remainingMass = profiles.Sum(p => p.Size);
        var remaining = users;
        for (var j = 0; j < profiles.Count; j++)
        {
            var share = remainingMass > 0 ? Math.Min(1, profiles[j].Size / remainingMass) : 0;
            var n = j == profiles.Count - 1 ? remaining : remaining == 0 || share <= 0 ? 0 : Binomial.Sample(rng, share, remaining);
            blockStart[j + 1] = blockStart[j] + n;
            remaining -= n;
            remainingMass -= profiles[j].Size;
        }
        return blockStart;
    }
}
