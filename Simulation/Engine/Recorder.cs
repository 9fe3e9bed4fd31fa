using System.Runtime.CompilerServices;
using TrustSim.Metrics;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>Records the metrics of every step and the event log of one run, and sums them up at the end.</summary>
internal sealed class Recorder : IEventLog
{
    private readonly TimeSettings _time;
    private readonly List<StepMetrics> _steps;
    private readonly List<EventRecord> _events = [];

    public Recorder(TimeSettings time)
    {
        _time = time;
        _steps = new List<StepMetrics>(time.Steps + 1);
    }

    public IReadOnlyList<StepMetrics> Steps => _steps;

    public IReadOnlyList<EventRecord> Events => _events;

    public void Add(int step, in WorldEvent what) =>
        _events.Add(new EventRecord(step, ScenarioSchedule.DateOf(_time, step), what));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Record(World w)
    {
        var inst = w.Institutions;
        var modes = inst.Modes;
        var ownReputation = inst.Reputation;
        // Counts and reputation sums by mode, indexed by (int)PartnershipMode.
        Span<double> share = stackalloc double[EnumSize.Modes];
        Span<double> banks = stackalloc double[EnumSize.Modes];
        Span<double> payments = stackalloc double[EnumSize.Modes];
        Span<double> reputation = stackalloc double[EnumSize.Modes];
        for (var j = 0; j < inst.Count; j++)
        {
            var m = (int)modes[j];
            share[m]++;
            reputation[m] += ownReputation[j];
            (inst.TypeOf(j) == InstitutionType.Bank ? banks : payments)[m]++;
        }
        var n = Math.Max(1, inst.Count);
        // Whole numbers, so the sum is exact whatever the order.
        var nBanks = Sum(banks);
        var nPayments = Sum(payments);
        var users = Math.Max(1, w.Users.Count);
        const int None = (int)PartnershipMode.None, Limited = (int)PartnershipMode.Limited, Full = (int)PartnershipMode.Full;
        _steps.Add(new StepMetrics
        {
            Step = w.CurrentStep,
            Date = ScenarioSchedule.DateOf(_time, w.CurrentStep),
            Reputation = w.Platform.Reputation,
            Anchor = w.Platform.Anchor,
            FastGap = w.Platform.FastGap,
            SlowGap = w.Platform.SlowGap,
            Safeguards = w.Platform.Safeguards,
            Reach = w.Platform.Reach,
            Aware = (double)w.Users.TotalAware() / users,
            Adoption = (double)w.Users.TotalAdopters() / users,
            PartnersNone = share[None] / n,
            PartnersLimited = share[Limited] / n,
            PartnersFull = share[Full] / n,
            BanksLimited = Ratio(banks[Limited], nBanks),
            BanksFull = Ratio(banks[Full], nBanks),
            PaymentsLimited = Ratio(payments[Limited], nPayments),
            PaymentsFull = Ratio(payments[Full], nPayments),
            RecordsHeld = w.RecordsHeld,
            Stringency = w.Regulator.Stringency,
            BreachHazard = w.BreachHazard,
            Breaches = w.BreachesApplied,
            ShockDrop = w.ShockDrop,
            Exits = w.Exits,
            Switches = w.SwitchesThisStep,
            ReputationNone = share[None] > 0 ? reputation[None] / share[None] : double.NaN,
            ReputationLimited = share[Limited] > 0 ? reputation[Limited] / share[Limited] : double.NaN,
            ReputationFull = share[Full] > 0 ? reputation[Full] / share[Full] : double.NaN,
            Welfare = Sum(inst.Welfare),
            UserSurplus = w.UserSurplus,
            TrustingReach = w.TrustingReach,
        });
    }

    public SummaryMetrics Summarize(World w)
    {
        var last = _steps[^1];
        var peakExits = 0;
        for (var t = 0; t < _steps.Count; t++)
            peakExits = Math.Max(peakExits, _steps[t].Exits + (t + 1 < _steps.Count ? _steps[t + 1].Exits : 0));
        var inst = w.Institutions;
        var welfare = inst.Welfare;
        double welfareBanks = 0, welfarePayments = 0;
        for (var j = 0; j < inst.Count; j++)
        {
            if (inst.TypeOf(j) == InstitutionType.Bank) welfareBanks += welfare[j];
            else welfarePayments += welfare[j];
        }
        return new SummaryMetrics
        {
            FinalReputation = last.Reputation,
            MinReputation = _steps.Min(s => s.Reputation),
            FinalAnchor = last.Anchor,
            FinalAware = last.Aware,
            FinalAdoption = last.Adoption,
            FinalPartnersLimited = last.PartnersLimited,
            FinalPartnersFull = last.PartnersFull,
            FinalBanksFull = last.BanksFull,
            PeakExits2Steps = peakExits,
            RecordsHeldFinal = last.RecordsHeld,
            PeakRecordsHeld = _steps.Max(s => s.RecordsHeld),
            FinalReach = last.Reach,
            FinalStringency = last.Stringency,
            Breaches = _steps.Sum(s => s.Breaches),
            ModeSwitches = _steps.Sum(s => s.Switches),
            BankMovesToFullAfterShock = w.BankMovesToFullAfterShock,
            WelfareBanks = welfareBanks,
            WelfarePayments = welfarePayments,
            UserSurplusTotal = w.UserSurplusTotal,
            TrustingReachTotal = w.TrustingReachTotal,
            RecordsHeldTotal = w.RecordsHeldTotal,
        };
    }

    private static double Ratio(double part, double whole) => whole > 0 ? part / whole : 0;

    /// <summary>
    /// 0 plus each value in index order, as Enumerable.Sum added the welfare array before it became a
    /// read-only span; kept in that order because another (a vectorised sum) could change the last bit.
    /// </summary>
    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum;
    }
}
