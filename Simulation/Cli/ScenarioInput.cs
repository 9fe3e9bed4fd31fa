using TrustSim.Core;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Cli;

/// <summary>Loads a scenario for a verb; its problems, every one, as FILE:LINE:COL: message.</summary>
internal static class ScenarioInput
{
    /// <summary>The resolved scenario, or the lines that say why not: each problem, then how many there were.</summary>
    public static Outcome<Scenario> Load(string path, IReadOnlyList<string> overrides)
    {
        var result = ScenarioLoader.Load(path, overrides);
        return result.Scenario is { } scenario ? Outcome<Scenario>.Success(scenario) : Outcome<Scenario>.Failure(Problems(result.Problems));
    }

    /// <summary>Each problem on its line, then the count and that nothing was run.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<ScenarioProblem> problems) =>
    [
        .. problems.Select(p => p.ToString()),
        problems.Count == 1 ? "1 problem; nothing was run." : $"{problems.Count} problems; nothing was run.",
    ];
}
