using TrustSim.Core;

namespace TrustSim.Metrics;

/// <summary>The state of the world recorded at the end of one step (and at step 0).</summary>
internal sealed record StepMetrics
{
    public int Step { get; init; }
    public DateOnly Date { get; init; }

    /// <summary>Platform reputation R, share trusting it, in [0,1].</summary>
    public double Reputation { get; init; }
    public double Anchor { get; init; }
    public double FastGap { get; init; }
    public double SlowGap { get; init; }
    public double Safeguards { get; init; }

    /// <summary>Monthly active users N, people.</summary>
    public double Reach { get; init; }

    /// <summary>Share of users aware of the banking service, in [0,1].</summary>
    public double Aware { get; init; }

    /// <summary>Share of users banking through the messenger, in [0,1].</summary>
    public double Adoption { get; init; }

    /// <summary>Shares of institutions in each mode; the three sum to 1.</summary>
    public double PartnersNone { get; init; }
    public double PartnersLimited { get; init; }
    public double PartnersFull { get; init; }

    /// <summary>Shares of banks (and of payment firms) in Limited and Full.</summary>
    public double BanksLimited { get; init; }
    public double BanksFull { get; init; }
    public double PaymentsLimited { get; init; }
    public double PaymentsFull { get; init; }

    /// <summary>Financial records D held by the platform, records.</summary>
    public double RecordsHeld { get; init; }
    public double Stringency { get; init; }

    /// <summary>Breach hazard h this step, probability per step.</summary>
    public double BreachHazard { get; init; }

    /// <summary>Breaches applied to reputation this step.</summary>
    public int Breaches { get; init; }

    /// <summary>Total reputation drop from this step's shocks (relaxation excluded).</summary>
    public double ShockDrop { get; init; }

    /// <summary>Institutions that moved from a partnership to None this step.</summary>
    public int Exits { get; init; }

    /// <summary>Institutions that changed mode by their own choice this step.</summary>
    public int Switches { get; init; }

    /// <summary>Mean own reputation Q of institutions now in each mode; NaN when the mode is empty.</summary>
    public double ReputationNone { get; init; }
    public double ReputationLimited { get; init; }
    public double ReputationFull { get; init; }

    /// <summary>Cumulative welfare summed over institutions.</summary>
    public double Welfare { get; init; }

    /// <summary>Mean over all users of the expected surplus of the adoption choice, utility units per week.</summary>
    public double UserSurplus { get; init; }

    /// <summary>Trusting reach N*R, people.</summary>
    public double TrustingReach { get; init; }

    public static IReadOnlyList<MetricColumn<StepMetrics>> Columns { get; } =
    [
        new("reputation", "platform reputation R (share trusting)", m => m.Reputation, ValueDomain.UnitInterval, "share trusting"),
        new("anchor", "long-run anchor R*", m => m.Anchor, ValueDomain.UnitInterval, "share trusting"),
        new("fast_gap", "fast gap gf", m => m.FastGap, ValueDomain.Real, "share trusting"),
        new("slow_gap", "slow gap gs", m => m.SlowGap, ValueDomain.Real, "share trusting"),
        new("safeguards", "safeguards G", m => m.Safeguards, ValueDomain.UnitInterval),
        new("reach", "monthly active users N (people)", m => m.Reach, ValueDomain.NonNegative, "people"),
        new("aware", "share of users aware of the service", m => m.Aware, ValueDomain.UnitInterval, "share of users"),
        new("adoption", "share of users banking through the messenger", m => m.Adoption, ValueDomain.UnitInterval, "share of users"),
        new("partners_none", "share of institutions not partnering", m => m.PartnersNone, ValueDomain.UnitInterval, "share of institutions"),
        new("partners_limited", "share of institutions in Limited", m => m.PartnersLimited, ValueDomain.UnitInterval, "share of institutions"),
        new("partners_full", "share of institutions in Full", m => m.PartnersFull, ValueDomain.UnitInterval, "share of institutions"),
        new("banks_limited", "share of banks in Limited", m => m.BanksLimited, ValueDomain.UnitInterval, "share of banks"),
        new("banks_full", "share of banks in Full", m => m.BanksFull, ValueDomain.UnitInterval, "share of banks"),
        new("payments_limited", "share of payment firms in Limited", m => m.PaymentsLimited, ValueDomain.UnitInterval, "share of payment firms"),
        new("payments_full", "share of payment firms in Full", m => m.PaymentsFull, ValueDomain.UnitInterval, "share of payment firms"),
        new("records_held", "financial records held by the platform D (records)", m => m.RecordsHeld, ValueDomain.NonNegative, "records"),
        new("stringency", "regulator's stringency S", m => m.Stringency, ValueDomain.NonNegative),
        new("breach_hazard", "breach probability this step h", m => m.BreachHazard, ValueDomain.UnitInterval, "probability per step"),
        new("breaches", "breaches applied this step", m => m.Breaches, ValueDomain.NonNegative, "breaches"),
        new("shock_drop", "reputation lost to this step's shocks", m => m.ShockDrop, ValueDomain.Real, "share trusting"),
        new("exits", "institutions leaving for None this step", m => m.Exits, ValueDomain.NonNegative, "institutions"),
        new("switches", "institutions changing mode by choice this step", m => m.Switches, ValueDomain.NonNegative, "institutions"),
        new("reputation_none", "mean own reputation of institutions in None", m => m.ReputationNone, ValueDomain.NonNegative),
        new("reputation_limited", "mean own reputation of institutions in Limited", m => m.ReputationLimited, ValueDomain.NonNegative),
        new("reputation_full", "mean own reputation of institutions in Full", m => m.ReputationFull, ValueDomain.NonNegative),
        new("welfare", "cumulative welfare summed over institutions", m => m.Welfare, ValueDomain.Real, "utility-weeks"),
        new("user_surplus", "users' expected surplus of the adoption choice, mean over all users (utility per week)", m => m.UserSurplus, ValueDomain.NonNegative, "utility per week per user"),
        new("trusting_reach", "trusting reach N*R (people)", m => m.TrustingReach, ValueDomain.NonNegative, "people"),
    ];
}
