using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>One institution's attributes and final state at the end of a run.</summary>
internal sealed record InstitutionOutcome
{
    public int Index { get; init; }
    public string Name { get; init; } = "";
    public InstitutionType Type { get; init; }
    public double Size { get; init; }
    public double Theta { get; init; }
    public double Rho { get; init; }
    public PartnershipMode InitialMode { get; init; }
    public PartnershipMode FinalMode { get; init; }

    /// <summary>Own reputation Q at the end, in [0,1] for the defaults.</summary>
    public double Reputation { get; init; }

    /// <summary>Cumulative welfare W.</summary>
    public double Welfare { get; init; }
    public int Switches { get; init; }

    /// <summary>Simulated users banking with it.</summary>
    public int Customers { get; init; }

    /// <summary>Share of its customers adopting at the end.</summary>
    public double Adoption { get; init; }
}
