namespace TrustSim.Scenarios;

/// <summary>A key whose value differs between two resolved scenarios, each value as a reader would write it.</summary>
/// <param name="Path">The key's path as <c>--set</c> takes it: <c>platform.scar</c>, <c>scandals.mix.hack</c>, <c>shocks.0.severity</c>.</param>
/// <param name="Before">Its value in the first scenario (<c>none</c> when absent there).</param>
/// <param name="After">Its value in the second.</param>
internal sealed record ScenarioDifference(string Path, string Before, string After);
