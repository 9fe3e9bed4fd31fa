namespace TrustSim.Scenarios.Yaml;

/// <summary>
/// One thing wrong with a scenario, located where the user can fix it: the file (or <c>--set</c>),
/// the 1-based line and column of the offending key or value, and a message in plain words.
/// </summary>
internal sealed record ScenarioProblem(string File, int Line, int Column, string Message)
{
    /// <summary>The compiler-style form the CLI prints: <c>FILE:LINE:COL: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
