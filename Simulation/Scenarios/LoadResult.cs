using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// What loading a scenario gave: the resolved scenario, or every problem found (never both).
/// </summary>
internal sealed record LoadResult
{
    private LoadResult(Scenario? scenario, IReadOnlyList<ScenarioProblem> problems)
    {
        Scenario = scenario;
        Problems = problems;
    }

    /// <summary>The resolved scenario; null when there were problems.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every problem, in file order; empty on success.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    public bool Succeeded => Scenario is not null;

    public static LoadResult Success(Scenario scenario) => new(scenario, []);

    public static LoadResult Failure(IReadOnlyList<ScenarioProblem> problems) =>
        problems.Count == 0
            ? throw new ArgumentException("a failed load needs at least one problem", nameof(problems))
            : new(null, problems);
}
