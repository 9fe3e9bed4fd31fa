using TrustSim.Core;

namespace TrustSim.Metrics;

/// <summary>One replication's outcome in a few numbers.</summary>
internal sealed record SummaryMetrics
{
    public double FinalReputation { get; init; }
    public double MinReputation { get; init; }
    public double FinalAnchor { get; init; }
    public double FinalAware { get; init; }
    public double FinalAdoption { get; init; }
    public double FinalPartnersLimited { get; init; }
    public double FinalPartnersFull { get; init; }

    /// <summary>Share of banks (not payment firms) in Full at the last step: the partnership the scandal should deter.</summary>
    public double FinalBanksFull { get; init; }

    /// <summary>Largest number of institutions leaving for None within any two consecutive steps.</summary>
    public double PeakExits2Steps { get; init; }
    public double RecordsHeldFinal { get; init; }
    public double PeakRecordsHeld { get; init; }
    public double FinalReach { get; init; }
    public double FinalStringency { get; init; }
    public double Breaches { get; init; }
    public double ModeSwitches { get; init; }

    /// <summary>Bank moves into Full after the first negative shock (S3 counts these).</summary>
    public double BankMovesToFullAfterShock { get; init; }
    public double WelfareBanks { get; init; }
    public double WelfarePayments { get; init; }

    /// <summary>Users' surplus summed over the run, each step weighted by its length in weeks: utility-weeks per user.</summary>
    public double UserSurplusTotal { get; init; }

    /// <summary>Trusting reach N*R summed over the run, each step weighted by its length in weeks: person-weeks.</summary>
    public double TrustingReachTotal { get; init; }

    /// <summary>Records held D summed over the run, each step weighted by its length in weeks: record-weeks.</summary>
    public double RecordsHeldTotal { get; init; }

    public static IReadOnlyList<MetricColumn<SummaryMetrics>> Columns { get; } =
    [
        new("final_reputation", "platform reputation at the last step", m => m.FinalReputation, ValueDomain.UnitInterval),
        new("min_reputation", "lowest platform reputation", m => m.MinReputation, ValueDomain.UnitInterval),
        new("final_anchor", "long-run anchor at the last step", m => m.FinalAnchor, ValueDomain.UnitInterval),
        new("final_aware", "share of users aware at the last step", m => m.FinalAware, ValueDomain.UnitInterval),
        new("final_adoption", "share of users adopting at the last step", m => m.FinalAdoption, ValueDomain.UnitInterval),
        new("final_partners_limited", "share of institutions in Limited at the last step", m => m.FinalPartnersLimited, ValueDomain.UnitInterval),
        new("final_partners_full", "share of institutions in Full at the last step", m => m.FinalPartnersFull, ValueDomain.UnitInterval),
        new("final_banks_full", "share of banks in Full at the last step", m => m.FinalBanksFull, ValueDomain.UnitInterval),
        new("peak_exits_2_steps", "most institutions leaving for None within two consecutive steps", m => m.PeakExits2Steps, ValueDomain.NonNegative),
        new("records_held_final", "records held by the platform at the last step", m => m.RecordsHeldFinal, ValueDomain.NonNegative),
        new("peak_records_held", "most records held at any step", m => m.PeakRecordsHeld, ValueDomain.NonNegative),
        new("final_reach", "monthly active users at the last step", m => m.FinalReach, ValueDomain.NonNegative),
        new("final_stringency", "regulator's stringency at the last step", m => m.FinalStringency, ValueDomain.NonNegative),
        new("breaches", "breaches over the run", m => m.Breaches, ValueDomain.NonNegative),
        new("mode_switches", "mode changes by choice over the run", m => m.ModeSwitches, ValueDomain.NonNegative),
        new("bank_moves_to_full_after_shock", "bank moves into Full after the first negative shock", m => m.BankMovesToFullAfterShock, ValueDomain.NonNegative),
        new("welfare_banks", "cumulative welfare of banks", m => m.WelfareBanks, ValueDomain.Real),
        new("welfare_payments", "cumulative welfare of payment firms", m => m.WelfarePayments, ValueDomain.Real),
        new("user_surplus_total", "users' expected surplus summed over the run (utility-weeks per user)", m => m.UserSurplusTotal, ValueDomain.NonNegative),
        new("trusting_reach_total", "trusting reach N*R summed over the run (person-weeks)", m => m.TrustingReachTotal, ValueDomain.NonNegative),
        new("records_held_total", "records held D summed over the run (record-weeks)", m => m.RecordsHeldTotal, ValueDomain.NonNegative),
    ];

    /// <summary>The value domain of a summary metric named in a table; Real for a name that is not one (a ratio, a difference).</summary>
    public static ValueDomain DomainOf(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)?.Domain ?? ValueDomain.Real;
}
