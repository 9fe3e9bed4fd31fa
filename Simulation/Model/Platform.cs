using System.Runtime.CompilerServices;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The platform's reputation R = clamp(R* - gf - gs, 0, 1), its safeguards and its reach.
/// A drop splits into a fast gap, a slow gap and a permanent scar on the anchor R*.
/// </summary>
internal sealed class Platform(PlatformSettings settings, StepRates rates)
{
    /// <summary>Reputation R, share trusting the platform, in [0,1].</summary>
    public double Reputation { get; private set; } = settings.Reputation;

    /// <summary>Long-run anchor R* that the gaps close towards.</summary>
    public double Anchor { get; private set; } = settings.Reputation;

    public double FastGap { get; private set; }

    public double SlowGap { get; private set; }

    /// <summary>Safeguards G in [0,1]; they lower the breach hazard.</summary>
    public double Safeguards { get; private set; } = settings.Safeguards;

    /// <summary>Reach N, monthly active users (people).</summary>
    public double Reach { get; private set; } = settings.Reach;

    /// <summary>Phase 1: the gaps close and the anchor drifts back towards R0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Relaxation()
    {
        FastGap *= 1 - rates.FastRecovery;
        SlowGap *= 1 - rates.SlowRecovery;
        Anchor += rates.AnchorRecovery * (settings.Reputation - Anchor);
        UpdateReputation();
    }

    /// <summary>Salience of an event that affected <paramref name="affected"/> people: (affected/N)^eps, at most 1.</summary>
    public double Salience(double affected) =>
        Math.Min(1, Math.Pow(Math.Max(affected, 0) / Reach, settings.SalienceExponent));

    /// <summary>
    /// Phase 2, a negative shock: R loses the share 1-exp(-beta*w*v) of its current value; the
    /// loss goes to the fast gap (f), the slow gap (1-f-eta) and the anchor (eta). Returns the drop.
    /// </summary>
    public double NegativeShock(double weight, double salience)
    {
        var drop = Reputation * (1 - Math.Exp(-settings.Sensitivity * weight * salience));
        FastGap += settings.FastShare * drop;
        SlowGap += (1 - settings.FastShare - settings.Scar) * drop;
        Anchor -= settings.Scar * drop;
        UpdateReputation();
        return drop;
    }

    /// <summary>
    /// Phase 2, a positive event: the anchor gains (1-R*)(1-exp(-beta*w*v))/A, a third of what an
    /// equal scandal would cost with the default asymmetry, and safeguards rise by g. Returns the rise in R.
    /// </summary>
    public double Commitment(double weight, double salience, double safeguards)
    {
        var before = Reputation;
        var gain = (1 - Anchor) * (1 - Math.Exp(-settings.Sensitivity * weight * salience)) / settings.Asymmetry;
        Anchor += gain;
        RaiseSafeguards(safeguards);
        UpdateReputation();
        return Reputation - before;
    }

    public void RaiseSafeguards(double g) => Safeguards = Math.Min(1, Safeguards + g);

    /// <summary>Phase 3: breach hazard per week, h0 (1-G)(1 + D/D_ref)^psi, before conversion to the step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double WeeklyBreachHazard(double recordsHeld)
    {
        var b = settings.Breaches;
        return b.Hazard * (1 - Safeguards) * Math.Pow(1 + recordsHeld / b.ReferenceRecords, b.Exponent);
    }

    /// <summary>Phase 4: logistic growth of reach, slowed while reputation is below R0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void GrowReach()
    {
        var drag = 1 - settings.GrowthSensitivity * (settings.Reputation - Reputation);
        Reach += rates.ReachGrowth * Reach * (1 - Reach / settings.MaxReach) * drag;
    }

    private void UpdateReputation() => Reputation = Math.Clamp(Anchor - FastGap - SlowGap, 0, 1);
}
