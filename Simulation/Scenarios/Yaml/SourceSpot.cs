namespace TrustSim.Scenarios.Yaml;

/// <summary>Where a key or value was written: file (or <c>--set</c>), 1-based line and column.</summary>
internal readonly record struct SourceSpot(string File, int Line, int Column)
{
    public static SourceSpot StartOf(string file) => new(file, 1, 1);

    public ScenarioProblem Problem(string message) => new(File, Line, Column, message);
}
