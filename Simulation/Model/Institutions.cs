using System.Runtime.CompilerServices;
using TrustSim.Core;
using TrustSim.Model.Expectations;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// Banks and payment firms: fixed profiles plus the state that moves, mode m_j, own reputation
/// Q_j and cumulative welfare W_j, kept as arrays indexed by institution.
/// </summary>
internal sealed class Institutions
{
    /// <summary>
    /// The adoption share at which a mode's value v_m is quoted (`modes.*.value` is "per unit of
    /// adoption, relative to 10% adoption"): an institution earns v_m per customer when a tenth of
    /// its customers adopt, and in proportion to A / 0.1 otherwise. It is the "/ 0.1" of pi_jm and
    /// of welfare in docs/ODD.md (Mode choice, Accounting); a fixed unit, not a parameter, because
    /// the shipped values of v_m were set against it.
    /// </summary>
    private const double ReferenceAdoption = 0.1;

    private readonly InstitutionSettings _settings;
    private readonly PartnershipMode[] _modes;
    private readonly PartnershipMode[] _next;
    private readonly double[] _reputation;
    private readonly double[] _welfare;
    private readonly int[] _switches;
    private readonly bool[] _switchedThisStep;
    private readonly double[] _relativeSize;
    private readonly double[] _sizeByTypeAndMode = new double[EnumSize.InstitutionTypes * EnumSize.Modes];
    private readonly double[] _sizeByType = new double[EnumSize.InstitutionTypes];
    private readonly double[] _exitedSizeByType = new double[EnumSize.InstitutionTypes];
    private readonly bool[] _exited;
    private readonly double _peerNewsWeight;
    private readonly double[] _payoff = new double[EnumSize.Modes];
    private readonly PartnershipMode[] _options = new PartnershipMode[EnumSize.Modes];

    private readonly IAdoptionExpectation _expectation;

    // The profiles again as an array: the per-step methods read them for every institution, and
    // through the list's interface each read was a dispatched call.
    private readonly InstitutionProfile[] _profiles;

    // Mode choice asks the outlook of each reviewing institution under each mode every step, often with
    // the arguments of the step before; the memo answers those without evaluating again.
    private OutlookMemo? _expected;

    public Institutions(IReadOnlyList<InstitutionProfile> profiles, InstitutionSettings settings, IAdoptionExpectation expectation)
    {
        _settings = settings;
        _expectation = expectation;
        Profiles = profiles;
        _profiles = [.. profiles];
        _modes = profiles.Select(p => p.InitialMode).ToArray();
        _next = new PartnershipMode[profiles.Count];
        _reputation = Enumerable.Repeat(settings.Reputation, profiles.Count).ToArray();
        _welfare = new double[profiles.Count];
        _switches = new int[profiles.Count];
        _switchedThisStep = new bool[profiles.Count];
        _exited = new bool[profiles.Count];
        var meanSize = profiles.Count == 0 ? 1 : profiles.Average(p => p.Size);
        _relativeSize = profiles.Select(p => p.Size / meanSize).ToArray();
        // a_x, its own parameter (MODEL.md R3.5) rather than J_b/mu_b, so that sweeping imitation
        // does not also move how fast exits spread. Zero leaves the review chance r_b.
        _peerNewsWeight = settings.ExitAttention;
    }

    public IReadOnlyList<InstitutionProfile> Profiles { get; }

    /// <summary>Institution j's type (banks and payment firms are tallied apart).</summary>
    public InstitutionType TypeOf(int j) => _profiles[j].Type;

    public int Count => _profiles.Length;

    /// <summary>The expectation submodel that turns the foresight value into Ahat (`institutions.expectations`).</summary>
    public IAdoptionExpectation Expectation => _expectation;

    // Read-only views: the state moves only in the phases below, so no reader can write it.

    /// <summary>Partnership mode m_j of each institution.</summary>
    public ReadOnlySpan<PartnershipMode> Modes => _modes;

    /// <summary>Own reputation Q_j, in [0, Q0] for Q0 ≤ 1.</summary>
    public ReadOnlySpan<double> Reputation => _reputation;

    /// <summary>Cumulative welfare W_j (realised payoff per customer times relative size, summed over steps).</summary>
    public ReadOnlySpan<double> Welfare => _welfare;

    /// <summary>Mode changes by choice so far (a ban's fallback not counted).</summary>
    public ReadOnlySpan<int> Switches => _switches;

    /// <summary>Whether each institution changed mode by choice in this step's phase 6.</summary>
    public ReadOnlySpan<bool> SwitchedThisStep => _switchedThisStep;

    /// <summary>
    /// Phase 6. Each institution reviews its mode with chance r_j (see <see cref="ReviewChance"/>:
    /// r_b, raised when same-type peers left in the previous step) and then picks a mode with
    /// probability proportional to exp(pi_jm / mu_b). Every reviewer sees the modes held at the
    /// start of the phase; the new modes are committed together afterwards. Calls
    /// <paramref name="onSwitch"/> for each change, after the commit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ModeChoice(in ModeChoiceContext context, RandomStream rng, Action<int, PartnershipMode, PartnershipMode> onSwitch)
    {
        TallySizes();
        Array.Copy(_modes, _next, _modes.Length);
        // The exits recorded still describe the previous step's phase 6 here: the reviews read
        // them as news of peers' departures, and only then are they reset.
        for (var j = 0; j < Count; j++)
        {
            if (!rng.Chance(ReviewChance(j, context.Reconsider))) continue;
            _next[j] = Choose(j, context, rng);
        }
        Array.Clear(_switchedThisStep);
        Array.Clear(_exited);
        Array.Clear(_exitedSizeByType);
        for (var j = 0; j < Count; j++)
        {
            if (_next[j] == _modes[j]) continue;
            var from = _modes[j];
            _modes[j] = _next[j];
            _switchedThisStep[j] = true;
            if (_next[j] == PartnershipMode.None)
            {
                _exited[j] = true;
                _exitedSizeByType[(int)_profiles[j].Type] += _profiles[j].Size;
            }
            _switches[j]++;
            onSwitch(j, from, _next[j]);
        }
    }

    /// <summary>
    /// The chance r_j that institution j reviews its mode this step: the routine review r_b, or a
    /// review prompted by peers' departures, r_j = 1 - (1 - r_b)(1 - min(1, a_x d_j)), where a_x is
    /// `institutions.exit_attention` and d_j is <see cref="PeerExitShare"/>. Only exits count as
    /// news: a peer leaving the platform is what a board reads about and must answer for (Libra
    /// 2019), while entries and moves between Limited and Full are routine. Written as
    /// r_b + (1 - r_b) * prompt so that it is exactly r_b when nothing prompts a review (a_x = 0,
    /// or no peer left).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ReviewChance(int j, double routine)
    {
        if (_peerNewsWeight == 0) return routine;
        var prompt = Math.Min(1, _peerNewsWeight * PeerExitShare(j));
        return routine + (1 - routine) * prompt;
    }

    /// <summary>
    /// d_j: size-weighted share of the other institutions of j's type that left for None by choice
    /// in the previous step's phase 6 (a ban's forced fallback is not a choice). Read before this
    /// step's commit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double PeerExitShare(int j) =>
        Math.Max(0, ShareOfOthers(j, _exitedSizeByType[(int)_profiles[j].Type], _exited[j]));

    /// <summary>
    /// The payoff per customer pi_jm of mode m for institution j (docs/ODD.md, Mode choice), a rate
    /// per week whatever the step's length (MODEL.md R3.1), so a monthly review weighs the same
    /// flows as a weekly one; only the switching cost is one-off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Payoff(int j, PartnershipMode m, in ModeChoiceContext c)
    {
        var p = _profiles[j];
        var mode = c.Modes.For(m);
        var expected = m == PartnershipMode.None ? 0
            : _expectation.Expected(j, ExpectedMemo(c.Outlook).Ask(j * EnumSize.Modes + (int)m, j, c.Choice, mode.Benefit, mode.Exposure,
                c.Reputation, c.AdoptionShare(j)));
        // The expected breach loss h_w*l, with the weekly hazard, stands in for the breach not yet drawn.
        var risk = p.Theta * mode.Exposure * (_settings.ReputationRisk * (1 - c.Reputation) + c.WeeklyHazard * c.BreachLoss);
        return NetValue(p, mode, expected, risk, c)
               + _settings.Imitation * PeerShare(j, m)
               - (m != _modes[j] ? _settings.SwitchingCost : 0);
    }

    private OutlookMemo ExpectedMemo(AdoptionOutlook outlook) =>
        _expected is { } memo && memo.Outlook == outlook ? memo : _expected = new OutlookMemo(outlook, Count * EnumSize.Modes, surplus: false);

    /// <summary>
    /// The terms that mode choice and welfare share, per customer: v_m * (A / 0.1) * (N / N0) - K_m
    /// - <paramref name="risk"/> - rho_j * M * S * x_m, at adoption share <paramref name="adoption"/>
    /// (expected in the choice, realised in welfare). The callers add their own terms after these,
    /// in this order, so each sum is evaluated exactly as the formula in docs/ODD.md is written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NetValue(InstitutionProfile p, ModeParameters mode, double adoption, double risk, in ModeChoiceContext c) =>
        mode.Value * (adoption / ReferenceAdoption) * c.ReachRatio
        - mode.Cost
        - risk
        - p.Rho * c.ExposureMultiplier * c.Stringency * mode.Exposure;

    /// <summary>Size-weighted share of the other institutions of j's type that are in mode m now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double PeerShare(int j, PartnershipMode m) =>
        ShareOfOthers(j, _sizeByTypeAndMode[TypeAndMode(_profiles[j].Type, m)], _modes[j] == m);

    /// <summary>Index of (type, mode) in the size tallies.</summary>
    private static int TypeAndMode(InstitutionType type, PartnershipMode m) => (int)type * EnumSize.Modes + (int)m;

    /// <summary>
    /// <paramref name="typeSize"/>, a size summed over j's type, without j's own share (if
    /// <paramref name="includesJ"/>), over the size of the other institutions of j's type; 0 if j
    /// is alone in its type.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ShareOfOthers(int j, double typeSize, bool includesJ)
    {
        var others = _sizeByType[(int)_profiles[j].Type] - _profiles[j].Size;
        if (others <= 0) return 0;
        return (typeSize - (includesJ ? _profiles[j].Size : 0)) / others;
    }

    /// <summary>
    /// Phase 7. A partner shares the blame for the platform's drop in proportion to its mode's
    /// culpability; every institution's reputation then recovers towards Q0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Spillover(double shockDrop, ModeSettings modes, double recovery)
    {
        for (var j = 0; j < Count; j++)
        {
            var q = _reputation[j] - _settings.Spillover * modes.For(_modes[j]).Culpability * shockDrop;
            q += recovery * (_settings.Reputation - q);
            _reputation[j] = Math.Max(0, q);
        }
    }

    /// <summary>
    /// Phase 9, welfare: the realised payoff per customer times relative size, with the breach
    /// loss actually suffered in place of the expected one and no imitation term. The flows are
    /// per week, so they accrue <paramref name="weeks"/> (Delta, the step's length in weeks) times;
    /// the switching cost and a breach's loss are one-off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AccrueWelfare(in ModeChoiceContext c, Func<int, double> adoptionShare, bool breachApplied, double weeks)
    {
        for (var j = 0; j < Count; j++)
        {
            var p = _profiles[j];
            var mode = c.Modes.For(_modes[j]);
            // The reputational risk alone: the breach loss is counted below, only when a breach
            // landed. Grouped as the welfare formula writes it, which is not the choice's grouping.
            var risk = p.Theta * mode.Exposure * _settings.ReputationRisk * (1 - c.Reputation);
            var payoff = weeks * NetValue(p, mode, adoptionShare(j), risk, c)
                         - (_switchedThisStep[j] ? _settings.SwitchingCost : 0)
                         - (breachApplied ? p.Theta * mode.Exposure * c.BreachLoss : 0);
            _welfare[j] += _relativeSize[j] * payoff;
        }
    }

    /// <summary>
    /// A ban on Full: its partners fall back to <paramref name="fallback"/> (Limited, or None where
    /// Limited is not offered either), at no switching cost.
    /// </summary>
    public void FallBackFromFull(PartnershipMode fallback, Action<int> onFallback)
    {
        for (var j = 0; j < Count; j++)
        {
            if (_modes[j] != PartnershipMode.Full) continue;
            _modes[j] = fallback;
            onFallback(j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PartnershipMode Choose(int j, in ModeChoiceContext c, RandomStream rng)
    {
        var n = 0;
        _options[n++] = PartnershipMode.None;
        if (c.LimitedOffered) _options[n++] = PartnershipMode.Limited;
        if (c.FullOffered) _options[n++] = PartnershipMode.Full;
        var best = double.NegativeInfinity;
        for (var k = 0; k < n; k++)
        {
            _payoff[k] = Payoff(j, _options[k], c) / _settings.ChoiceNoise;
            best = Math.Max(best, _payoff[k]);
        }
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            _payoff[k] = Math.Exp(_payoff[k] - best);
            total += _payoff[k];
        }
        var u = rng.NextUnit() * total;
        for (var k = 0; k < n - 1; k++)
        {
            u -= _payoff[k];
            if (u < 0) return _options[k];
        }
        return _options[n - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TallySizes()
    {
        Array.Clear(_sizeByTypeAndMode);
        Array.Clear(_sizeByType);
        for (var j = 0; j < Count; j++)
        {
            var type = _profiles[j].Type;
            _sizeByType[(int)type] += _profiles[j].Size;
            _sizeByTypeAndMode[TypeAndMode(type, _modes[j])] += _profiles[j].Size;
        }
    }
}
