using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// One entry of the event log as the world reports it (the recorder adds the date): what kind of event,
/// how it came about, whom or what it concerns, its figures and the scenario's label. Each field holds
/// one kind of value, so events.csv has one typed column per field. A value type, and mode switches
/// carry no figures, so logging them allocates nothing on the step's path.
/// </summary>
/// <param name="Shock">The shock type of a shock, commitment or breach (a breach is a hack).</param>
/// <param name="Intervention">The intervention type of an intervention, or of the warning that ended.</param>
/// <param name="Institution">The institution that switched mode; empty otherwise.</param>
/// <param name="From">The mode an institution left.</param>
/// <param name="To">The mode an institution entered.</param>
/// <param name="Label">The scenario's label of a scheduled event (and of a fine's news, or a warning's end); empty otherwise.</param>
internal readonly record struct WorldEvent(
    EventKind Kind,
    EventCause Cause,
    ShockType? Shock,
    InterventionType? Intervention,
    string Institution,
    PartnershipMode? From,
    PartnershipMode? To,
    EventFigures Figures,
    string Label)
{
    /// <summary>A reputation shock: scheduled, random or the news of a fine.</summary>
    public static WorldEvent ShockOf(ShockType type, EventCause cause, double affected, double salience, double drop, string label) =>
        new(EventKind.Shock, cause, type, null, "", null, null, new EventFigures(Affected: affected, Salience: salience, Drop: drop), label);

    /// <summary>A breach drawn in the step before, applied as a hack.</summary>
    public static WorldEvent Breach(double affected, double salience, double drop) =>
        new(EventKind.Breach, EventCause.Hazard, ShockType.Hack, null, "", null, null,
            new EventFigures(Affected: affected, Salience: salience, Drop: drop), "");

    /// <summary>A scheduled commitment: reputation and safeguards rise.</summary>
    public static WorldEvent Commitment(double affected, double salience, double rise, double safeguardsAdded, string label) =>
        new(EventKind.Commitment, EventCause.Scheduled, ShockType.Commitment, null, "", null, null,
            new EventFigures(Affected: affected, Salience: salience, Rise: rise, SafeguardsAdded: safeguardsAdded), label);

    /// <summary>A scheduled intervention with its figures (none for a ban on Full).</summary>
    public static WorldEvent InterventionOf(InterventionType type, EventFigures figures, string label) =>
        new(EventKind.Intervention, EventCause.Scheduled, null, type, "", null, null, figures, label);

    /// <summary>An institution's move from one mode to another, by its own choice or forced by a ban.</summary>
    public static WorldEvent ModeSwitch(string institution, PartnershipMode from, PartnershipMode to, EventCause cause) =>
        new(EventKind.ModeSwitch, cause, null, null, institution, from, to, EventFigures.None, "");

    /// <summary>A warning whose time ran out: regulatory exposure is back to normal.</summary>
    public static WorldEvent WarningEnd(string label) =>
        new(EventKind.WarningEnd, EventCause.Expiry, null, InterventionType.Warning, "", null, null, EventFigures.None, label);

    /// <summary>The shock or intervention type in snake_case (what a chart marks an unlabelled event with); empty for a mode switch.</summary>
    public string TypeName =>
        Shock is { } s ? SnakeCase.From(s.ToString()) : Intervention is { } i ? SnakeCase.From(i.ToString()) : "";
}
