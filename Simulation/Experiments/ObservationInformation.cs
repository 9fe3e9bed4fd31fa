namespace TrustSim.Experiments;

/// <summary>
/// What the identifiability check found for one observation: the lowest and highest model value at it
/// over the design, and whether that spread is large enough, against the observation's noise, for the
/// observation to tell parameter values apart.
/// </summary>
internal sealed record ObservationInformation(int Target, double Low, double High, bool Informative);
