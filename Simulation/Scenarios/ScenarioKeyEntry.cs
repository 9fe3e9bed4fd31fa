namespace TrustSim.Scenarios;

/// <summary>
/// One documented scenario key: its path as written in docs (<c>platform.scar</c>,
/// <c>shocks[].date</c>, <c>&lt;distribution&gt;.min</c>), the section it belongs to, and its default.
/// </summary>
internal sealed record ScenarioKeyEntry(string Path, string Section, ScenarioKey Key, string DefaultText)
{
    public ParameterAttribute? Parameter => Key.Parameter;
}
