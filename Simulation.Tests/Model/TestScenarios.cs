using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

/// <summary>Scenarios stripped down to the mechanism a test isolates.</summary>
internal static class TestScenarios
{
    /// <summary>No breaches, no random scandals, no shocks: a quiet world.</summary>
    public static Scenario Quiet(int users = 2_000, int steps = 260) => new()
    {
        Time = new TimeSettings { Steps = steps },
        Users = new UserSettings { Count = users },
        Platform = new PlatformSettings { Breaches = new BreachSettings { Hazard = 0 } },
    };

    /// <summary>
    /// Identical users (constant concern, zero offset), one institution that holds Full from the
    /// start and never reviews it, and everyone aware after step 1 (p = 1).
    /// </summary>
    public static Scenario IdenticalUsersOneFullPartner(int users, double concern, double hurdle, double peerInfluence,
        double noise, double reconsider, int steps) => Quiet(users, steps) with
    {
        Users = new UserSettings
        {
            Count = users,
            Concern = Distribution.Constant(concern),
            TrustOffset = Distribution.Constant(0),
            Hurdle = hurdle,
            PeerInfluence = peerInfluence,
            ChoiceNoise = noise,
            Reconsider = reconsider,
            Innovation = 1,
            Imitation = 0,
        },
        Institutions = new InstitutionSettings
        {
            Generated = new GeneratedInstitutions { Banks = 1, Payments = 0, Mode = PartnershipMode.Full },
            Reconsider = 0,
        },
    };
}
