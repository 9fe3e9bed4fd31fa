namespace TrustSim.Analysis;

/// <summary>
/// One step of a Morris trajectory: which parameter changed from the previous point, and by how much
/// in the unit scale (+Delta or -Delta; the parameter's own change follows from its bounds and scale).
/// </summary>
/// <param name="Parameter">0-based index of the swept parameter that moved.</param>
/// <param name="Step">Signed change of its unit-scale coordinate, +Delta or -Delta.</param>
internal readonly record struct MorrisMove(int Parameter, double Step);
