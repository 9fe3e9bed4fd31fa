using System.Runtime.CompilerServices;
using TrustSim.Scenarios;

namespace TrustSim.Model;

internal sealed partial class World
{
    /// <summary>
    /// Phase 2: this step's scheduled shocks and interventions in file order, then random
    /// scandals, then the breach drawn in the previous step. Each shock acts on the reputation
    /// the previous one left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Events()
    {
        foreach (var shock in _schedule.ShocksAt(CurrentStep))
            ScheduledShock(shock);
        foreach (var intervention in _schedule.InterventionsAt(CurrentStep))
            Intervention(intervention);
        RandomScandals();
        if (_pendingBreach is { } affected)
        {
            _pendingBreach = null;
            BreachesApplied++;
            NegativeShock(ShockType.Hack, Platform.Salience(affected), null, EventCause.Hazard, affected, "");
        }
    }

    private void ScheduledShock(ShockSpec shock)
    {
        var salience = shock.Severity ?? Platform.Salience(shock.Affected ?? 0);
        var affected = shock.Affected ?? double.NaN;
        if (shock.Type == ShockType.Commitment)
        {
            var weight = shock.Weight ?? _scenario.Platform.ShockWeights.Commitment;
            var rise = Platform.Commitment(weight, salience, shock.Safeguards);
            Log.Add(CurrentStep, WorldEvent.Commitment(affected, salience, rise, shock.Safeguards, shock.Label));
            return;
        }
        NegativeShock(shock.Type, salience, shock.Weight, EventCause.Scheduled, affected, shock.Label);
    }

    private void Intervention(InterventionSpec action)
    {
        switch (action.Type)
        {
            case InterventionType.Fine:
                Regulator.Act(action.Stringency ?? Regulator.DefaultRise);
                Log.Add(CurrentStep, WorldEvent.InterventionOf(action.Type, new EventFigures(AmountUsd: action.Amount), action.Label));
                if (action.Severity is { } v)
                    NegativeShock(ShockType.Fine, v, null, EventCause.Fine, double.NaN, action.Label, raisesStringency: false);
                break;
            case InterventionType.MandateSafeguards:
                Platform.RaiseSafeguards(action.Safeguards);
                Log.Add(CurrentStep, WorldEvent.InterventionOf(action.Type, new EventFigures(SafeguardsAdded: action.Safeguards), action.Label));
                break;
            case InterventionType.BanFullMode:
                Regulator.BanFullMode();
                Log.Add(CurrentStep, WorldEvent.InterventionOf(action.Type, EventFigures.None, action.Label));
                Institutions.FallBackFromFull(_limitedOffered ? PartnershipMode.Limited : PartnershipMode.None, _onFallback);
                break;
            case InterventionType.Warning:
                Regulator.Warn(CurrentStep, action.Duration, action.Multiplier, action.Label);
                Log.Add(CurrentStep, WorldEvent.InterventionOf(action.Type,
                    new EventFigures(Multiplier: action.Multiplier, DurationSteps: action.Duration), action.Label));
                break;
        }
        if (action.Type != InterventionType.Fine && action.Stringency is { } rise)
            Regulator.Act(rise);
    }

    /// <summary>Random scandals: a Poisson number per step, each with a type from the mix and a drawn salience.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RandomScandals()
    {
        var count = Sampling.PoissonCount(_rates.ScandalRate, _eventRng);
        for (var k = 0; k < count; k++)
        {
            var type = DrawScandalType();
            var salience = Math.Clamp(Sampling.Draw(_scenario.Scandals.Severity, _eventRng), 0, 1);
            NegativeShock(type, salience, null, EventCause.Random, double.NaN, "");
        }
    }

    /// <summary>A reputation shock; a breach (cause <see cref="EventCause.Hazard"/>) is logged as its own kind.</summary>
    private void NegativeShock(ShockType type, double salience, double? weight, EventCause cause, double affected, string label,
        bool raisesStringency = true)
    {
        var w = weight ?? _scenario.Platform.ShockWeights.For(type);
        var drop = Platform.NegativeShock(w, salience);
        ShockDrop += drop;
        FirstNegativeShockStep = Math.Min(FirstNegativeShockStep, CurrentStep);
        if (raisesStringency && type is ShockType.Hearing or ShockType.Fine)
            Regulator.Act(Regulator.DefaultRise);
        Log.Add(CurrentStep, cause == EventCause.Hazard
            ? WorldEvent.Breach(affected, salience, drop)
            : WorldEvent.ShockOf(type, cause, affected, salience, drop, label));
    }

    private ShockType DrawScandalType()
    {
        var mix = _scandalMix;
        var u = _eventRng.NextUnit() * _scandalMixTotal;
        for (var k = 0; k < mix.Length - 1; k++)
        {
            u -= mix[k].Weight;
            if (u < 0) return mix[k].Type;
        }
        return mix[^1].Type;
    }
}
