namespace TrustSim.Model;

/// <summary>
/// How a logged event came about, so a reader can tell a scheduled shock from a random scandal, or an
/// institution's own choice from a move a ban forced, without parsing text.
/// </summary>
internal enum EventCause
{
    /// <summary>The scenario's schedule: a shock, commitment or intervention at its step.</summary>
    Scheduled,

    /// <summary>A random scandal, drawn from the scandal rate and mix.</summary>
    Random,

    /// <summary>The news of a fine: the reputation shock a fine intervention with a severity brings.</summary>
    Fine,

    /// <summary>A data breach drawn from the breach hazard in the step before.</summary>
    Hazard,

    /// <summary>An institution's own mode choice.</summary>
    Choice,

    /// <summary>A move out of Full forced by a ban on Full.</summary>
    Ban,

    /// <summary>A regulatory warning whose time ran out.</summary>
    Expiry,
}
