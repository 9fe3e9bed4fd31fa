namespace TrustSim.Scenarios;

/// <summary>
/// Describes one scenario key: what it means, its unit and its allowed range. The YAML loader
/// validates against it and docs/scenarios.md is checked against it, so the range lives in one place.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ParameterAttribute(string meaning) : Attribute
{
    public string Meaning { get; } = meaning;

    /// <summary>Unit in words ("share of users", "per week"); empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Model symbol as in docs/ODD.md (beta, eps, J_u); empty when none.</summary>
    public string Symbol { get; init; } = "";

    public double Min { get; init; } = double.NegativeInfinity;

    public double Max { get; init; } = double.PositiveInfinity;
}
