using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>An institution's fixed attributes, decided at initialization.</summary>
internal sealed record InstitutionProfile(string Name, InstitutionType Type, double Size, double Theta, double Rho, PartnershipMode InitialMode);
