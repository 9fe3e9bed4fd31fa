using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>What institutions see of the world when they choose a mode or count their welfare.</summary>
internal readonly record struct ModeChoiceContext(
    ModeSettings Modes,
    AdoptionOutlook Outlook,
    UserChoice Choice,
    Func<int, double> AdoptionShare,
    double Reputation,
    double ReachRatio,
    double WeeklyHazard,
    double BreachLoss,
    double Stringency,
    double ExposureMultiplier,
    double Reconsider,
    bool LimitedOffered,
    bool FullOffered);
