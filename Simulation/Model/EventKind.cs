namespace TrustSim.Model;

/// <summary>Kinds of entries in a run's event log.</summary>
internal enum EventKind { Shock, Commitment, Breach, Intervention, ModeSwitch, WarningEnd }
