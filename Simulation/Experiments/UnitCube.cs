using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// The sampling designs work in the unit cube [0,1]^k; this turns a unit position into a design
/// point through each parameter's scale (bounds, log, integer).
/// </summary>
internal static class UnitCube
{
    public static DesignPoint ToPoint(int index, IReadOnlyList<SweepParameter> parameters, ReadOnlySpan<double> unit)
    {
        var values = new double[parameters.Count];
        for (var k = 0; k < values.Length; k++) values[k] = ParameterScale.FromUnit(parameters[k], unit[k]);
        return new DesignPoint(index, values);
    }
}
