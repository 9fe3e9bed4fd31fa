using System.Runtime.CompilerServices;
using TrustSim.Core;
using TrustSim.Model.Expectations;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// Everything that exists in one run (platform, users, institutions, regulator) and the step
/// that moves it. <see cref="Step"/> is the process overview of docs/ODD.md, phase by phase.
/// </summary>
internal sealed partial class World
{
    private readonly Scenario _scenario;
    private readonly StepRates _rates;
    private readonly EventSchedule _schedule;
    private readonly RandomStream _eventRng;
    private readonly RandomStream _breachRng;
    private readonly RandomStream _institutionRng;
    private readonly Func<int, double> _adoptionShare;
    private readonly Action<int, PartnershipMode, PartnershipMode> _onSwitch;
    private readonly Action<int> _onFallback;
    private readonly Func<int, double> _foresight;
    private readonly (ShockType Type, double Weight)[] _scandalMix;
    private readonly double _scandalMixTotal;
    private readonly bool _limitedOffered;
    private readonly bool _fullOffered;
    private double? _pendingBreach;
    private double _exposureMultiplierInForce = 1;

    public World(Scenario scenario, Platform platform, UserPopulation users, Institutions institutions,
        Regulator regulator, ulong runSeed, IEventLog log)
    {
        _scenario = scenario;
        _rates = StepRates.For(scenario);
        _schedule = new EventSchedule(scenario);
        Platform = platform;
        Users = users;
        Institutions = institutions;
        Regulator = regulator;
        Log = log;
        _eventRng = SeedSequence.For(runSeed, SeedSequence.Stream.Events);
        _breachRng = SeedSequence.For(runSeed, SeedSequence.Stream.Breaches);
        _institutionRng = SeedSequence.For(runSeed, SeedSequence.Stream.Institutions);
        // Sorted by type so the draw does not depend on the order keys were written in.
        _scandalMix = scenario.Scandals.Mix.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
        _scandalMixTotal = _scandalMix.Sum(m => m.Weight);
        _limitedOffered = scenario.Modes.Offered.Contains(PartnershipMode.Limited);
        _fullOffered = scenario.Modes.Offered.Contains(PartnershipMode.Full);
        // Delegates made once, so the step allocates nothing.
        _adoptionShare = users.AdoptionShare;
        _onSwitch = RecordSwitch;
        _onFallback = RecordFallback;
        _foresight = ForesightOfCurrentMode;
    }

    public Platform Platform { get; }
    public UserPopulation Users { get; }
    public Institutions Institutions { get; }
    public Regulator Regulator { get; }
    public IEventLog Log { get; }

    /// <summary>The step being or last executed; 0 before the first.</summary>
    public int CurrentStep { get; private set; }

    /// <summary>Financial records D held by the platform (phase 9 of the last step).</summary>
    public double RecordsHeld { get; private set; }

    /// <summary>
    /// The users' welfare this step (phase 9): the expected surplus of the adoption choice, in
    /// utility units per week, averaged over all users; 0 for users not aware or whose institution
    /// does not partner.
    /// </summary>
    public double UserSurplus { get; private set; }

    /// <summary>The platform's trusting reach N*R, people: the people who use it and trust it.</summary>
    public double TrustingReach => Platform.Reach * Platform.Reputation;

    /// <summary>Sum over the steps so far of Delta * <see cref="UserSurplus"/>, utility-weeks per user.</summary>
    public double UserSurplusTotal { get; private set; }

    /// <summary>Sum over the steps so far of Delta * <see cref="TrustingReach"/>, person-weeks.</summary>
    public double TrustingReachTotal { get; private set; }

    /// <summary>Sum over the steps so far of Delta * <see cref="RecordsHeld"/>, record-weeks.</summary>
    public double RecordsHeldTotal { get; private set; }

    /// <summary>Breach probability h of the current step.</summary>
    public double BreachHazard { get; private set; }

    /// <summary>The same hazard as a chance per week, h_w, which the institutions' expected breach loss uses.</summary>
    public double WeeklyBreachHazard { get; private set; }

    /// <summary>Total reputation drop from this step's shocks.</summary>
    public double ShockDrop { get; private set; }

    public int BreachesApplied { get; private set; }
    public int Exits { get; private set; }
    public int SwitchesThisStep { get; private set; }

    /// <summary>Step of the first negative shock, scheduled or random; int.MaxValue before one.</summary>
    public int FirstNegativeShockStep { get; private set; } = int.MaxValue;

    /// <summary>Bank moves into Full at or after the first negative shock.</summary>
    public int BankMovesToFullAfterShock { get; private set; }

    /// <summary>One step, in the order of the process overview.</summary>
    // The per-step methods are compiled optimised from the start: a run of a few hundred steps
    // lasts about as long as tiered compilation waits before optimising, so it would otherwise
    // spend most of its steps in unoptimised code (and a threaded run, in code being replaced).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step()
    {
        CurrentStep++;
        ShockDrop = 0;
        BreachesApplied = 0;
        Exits = 0;
        SwitchesThisStep = 0;

        Platform.Relaxation();
        Events();
        Breaches();
        Platform.GrowReach();
        Users.Adoption(Platform.Reputation, Institutions.Modes, _scenario.Modes, _scenario.Users, _rates);
        // Welfare counts the warnings in force when institutions chose, before phase 8 ends any.
        _exposureMultiplierInForce = Regulator.ExposureMultiplier;
        Institutions.ModeChoice(ChoiceContext(), _institutionRng, _onSwitch);
        Institutions.Spillover(ShockDrop, _scenario.Modes, _rates.InstitutionReputationRecovery);
        RegulatorUpdate();
        Accounting();
    }

    /// <summary>Phase 3: the breach hazard of this step; a breach drawn now hits in the next step's events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Breaches()
    {
        WeeklyBreachHazard = Math.Clamp(Platform.WeeklyBreachHazard(RecordsHeld), 0, 1);
        BreachHazard = _rates.PerStep(WeeklyBreachHazard);
        if (!_breachRng.Chance(BreachHazard)) return;
        var b = _scenario.Platform.Breaches;
        _pendingBreach = Sampling.Draw(Distribution.LogUniform(b.MinAffected, b.MaxAffected), _breachRng);
    }

    /// <summary>Phase 8: stringency rises after hearings and fines, relaxes otherwise; warnings expire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RegulatorUpdate()
    {
        foreach (var label in Regulator.RegulatorUpdate(CurrentStep))
            Log.Add(CurrentStep, WorldEvent.WarningEnd(label));
    }

    /// <summary>
    /// Phase 9: records held by the platform, each institution's welfare, the users' surplus, the
    /// run's sums of the weekly flows (each step adds Delta, its length in weeks, times the flow),
    /// then what institutions learn from the step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accounting()
    {
        var held = 0.0;
        for (var j = 0; j < Institutions.Count; j++)
            held += Users.Adopters(j) * _scenario.Modes.For(Institutions.Modes[j]).Exposure;
        RecordsHeld = held * Platform.Reach / Math.Max(1, Users.Count);
        var weeks = _rates.WeeksIn(CurrentStep);
        Institutions.AccrueWelfare(ChoiceContext() with { ExposureMultiplier = _exposureMultiplierInForce }, _adoptionShare, BreachesApplied > 0,
            weeks);
        UserSurplus = MeanUserSurplus();
        UserSurplusTotal += weeks * UserSurplus;
        TrustingReachTotal += weeks * TrustingReach;
        RecordsHeldTotal += weeks * RecordsHeld;
        Institutions.Expectation.Observe(new ExpectationEvidence(Institutions.Modes, Institutions.Profiles, _adoptionShare, _foresight));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ModeChoiceContext ChoiceContext() => new(
        _scenario.Modes,
        Users.Outlook,
        UserChoice.From(_scenario.Users),
        _adoptionShare,
        Platform.Reputation,
        Platform.Reach / _scenario.Platform.Reach,
        WeeklyBreachHazard,
        _scenario.Platform.Breaches.Loss,
        Regulator.Stringency,
        Regulator.ExposureMultiplier,
        _rates.InstitutionReconsider,
        _limitedOffered,
        _fullOffered && !Regulator.FullBanned);

    /// <summary>Ahat*_j,m_j: the foresight value of the mode j holds, at this moment's reputation and adoption.</summary>
    private double ForesightOfCurrentMode(int j)
    {
        var mode = _scenario.Modes.For(Institutions.Modes[j]);
        return Users.Outlook.Expected(j, UserChoice.From(_scenario.Users), mode.Benefit, mode.Exposure, Platform.Reputation,
            _adoptionShare(j));
    }

    private void RecordSwitch(int j, PartnershipMode from, PartnershipMode to)
    {
        SwitchesThisStep++;
        if (to == PartnershipMode.None)
        {
            Exits++;
            Users.StopAdopting(j);
        }
        if (to == PartnershipMode.Full && Institutions.Profiles[j].Type == InstitutionType.Bank && CurrentStep >= FirstNegativeShockStep)
            BankMovesToFullAfterShock++;
        Log.Add(CurrentStep, WorldEvent.ModeSwitch(Institutions.Profiles[j].Name, from, to, EventCause.Choice));
    }

    private void RecordFallback(int j)
    {
        var to = Institutions.Modes[j];
        if (to == PartnershipMode.None) Users.StopAdopting(j);
        Log.Add(CurrentStep, WorldEvent.ModeSwitch(Institutions.Profiles[j].Name, PartnershipMode.Full, to, EventCause.Ban));
    }
}
