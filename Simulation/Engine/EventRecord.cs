using TrustSim.Model;

namespace TrustSim.Engine;

/// <summary>One entry of the event log: what happened (<see cref="WorldEvent"/>) at which step and date.</summary>
internal readonly record struct EventRecord(int Step, DateOnly Date, WorldEvent Event);
