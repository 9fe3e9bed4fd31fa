using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>The adoption choice's constants: noise mu_u, peer pull J_u and hurdle c0.</summary>
internal readonly record struct UserChoice(double Noise, double PeerInfluence, double Hurdle)
{
    public static UserChoice From(UserSettings users) => new(users.ChoiceNoise, users.PeerInfluence, users.Hurdle);
}
