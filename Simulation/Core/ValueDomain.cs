namespace TrustSim.Core;

/// <summary>
/// The values a quantity can take: a share or probability lies in [0,1], a count or stock is never
/// negative, a welfare sum may be anything. Intervals and chart axes respect it, so nothing the tool
/// reports claims a negative count or a share above one.
/// </summary>
internal sealed record ValueDomain(string Name, double Lower, double Upper)
{
    public static ValueDomain Real { get; } = new("real", double.NegativeInfinity, double.PositiveInfinity);
    public static ValueDomain NonNegative { get; } = new("non_negative", 0, double.PositiveInfinity);
    public static ValueDomain UnitInterval { get; } = new("unit_interval", 0, 1);

    public bool IsBounded => double.IsFinite(Lower) || double.IsFinite(Upper);

    public double Clamp(double value) => double.IsNaN(value) ? value : Math.Clamp(value, Lower, Upper);

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
