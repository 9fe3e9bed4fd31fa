using TrustSim.Model;

namespace TrustSim.Engine;

/// <summary>One entry of the event log: what happened, to whom, at which step.</summary>
/// <param name="Subject">Shock type, intervention type or institution name.</param>
/// <param name="Detail">Human-readable specifics, such as "None -> Full" or "affected=8.7e7 drop=0.519".</param>
/// <param name="Label">The scenario's label for a scheduled event; empty otherwise.</param>
internal sealed record EventRecord(int Step, DateOnly Date, EventKind Kind, string Subject, string Detail, string Label = "");
