using TrustSim.Scenarios;

namespace TrustSim.Model.Expectations;

/// <summary>
/// The registry of expectation submodels: one line per rule. A new rule is its class, its name
/// in <see cref="ExpectationRule"/> (which the scenario reads) and its line here.
/// </summary>
internal static class ExpectationRules
{
    public static IAdoptionExpectation Create(ExpectationRule rule, in ExpectationSetup setup) => rule switch
    {
        ExpectationRule.Foresight => new ForesightExpectation(),
        ExpectationRule.Awareness => new AwarenessExpectation(setup.AwareShare),
        ExpectationRule.Learning => new LearningExpectation(setup.Institutions, setup.LearningRatePerStep),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no expectation submodel registered for this rule"),
    };
}

/// <summary>What a rule may need when the world is built.</summary>
/// <param name="Institutions">How many institutions the run has.</param>
/// <param name="AwareShare">alpha_j, the share of j's customers aware of the service now.</param>
/// <param name="LearningRatePerStep">k_E converted to the step.</param>
internal readonly record struct ExpectationSetup(int Institutions, Func<int, double> AwareShare, double LearningRatePerStep);
