namespace TrustSim.Model;

/// <summary>
/// The numbers a shock or an intervention logs; NaN (null for the duration) where a figure does not
/// apply. Mode switches, by far the most frequent events, share <see cref="None"/>, so logging them
/// allocates nothing.
/// </summary>
/// <param name="Affected">People whose data a shock or breach touched.</param>
/// <param name="Salience">The shock's salience, in [0,1].</param>
/// <param name="Drop">Reputation lost to the shock, in reputation units (share trusting).</param>
/// <param name="Rise">Reputation gained from a commitment, in reputation units.</param>
/// <param name="SafeguardsAdded">Rise of the platform's safeguards G from a commitment or a mandate.</param>
/// <param name="AmountUsd">A fine's amount, US dollars.</param>
/// <param name="Multiplier">A warning's factor on the regulatory exposure of Full partnerships.</param>
/// <param name="DurationSteps">How many steps a warning lasts.</param>
internal sealed record EventFigures(
    double Affected = double.NaN,
    double Salience = double.NaN,
    double Drop = double.NaN,
    double Rise = double.NaN,
    double SafeguardsAdded = double.NaN,
    double AmountUsd = double.NaN,
    double Multiplier = double.NaN,
    int? DurationSteps = null)
{
    /// <summary>No figures (a mode switch, a ban, a warning's end).</summary>
    public static EventFigures None { get; } = new();
}
