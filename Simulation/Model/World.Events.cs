using System.Globalization;
using System.Runtime.CompilerServices;
using TrustSim.Core;
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
            NegativeShock(ShockType.Hack, Platform.Salience(affected), null, EventKind.Breach,
                $"affected={Number(affected)}", "");
        }
    }

    private void ScheduledShock(ShockSpec shock)
    {
        var salience = shock.Severity ?? Platform.Salience(shock.Affected ?? 0);
        var what = shock.Affected is { } a ? $"affected={Number(a)} " : "";
        if (shock.Type == ShockType.Commitment)
        {
            var weight = shock.Weight ?? _scenario.Platform.ShockWeights.Commitment;
            var rise = Platform.Commitment(weight, salience, shock.Safeguards);
            Log.Add(CurrentStep, EventKind.Commitment, "commitment",
                $"{what}salience={Number(salience)} rise={Number(rise)} safeguards+={Number(shock.Safeguards)}", shock.Label);
            return;
        }
        NegativeShock(shock.Type, salience, shock.Weight, EventKind.Shock, what.TrimEnd(), shock.Label);
    }

    private void Intervention(InterventionSpec action)
    {
        var name = SnakeCase.From(action.Type.ToString());
        switch (action.Type)
        {
            case InterventionType.Fine:
                Regulator.Act(action.Stringency ?? Regulator.DefaultRise);
                Log.Add(CurrentStep, EventKind.Intervention, name, $"amount_usd={Number(action.Amount)}", action.Label);
                if (action.Severity is { } v)
                    NegativeShock(ShockType.Fine, v, null, EventKind.Shock, "news of the fine", action.Label, raisesStringency: false);
                break;
            case InterventionType.MandateSafeguards:
                Platform.RaiseSafeguards(action.Safeguards);
                Log.Add(CurrentStep, EventKind.Intervention, name, $"safeguards+={Number(action.Safeguards)}", action.Label);
                break;
            case InterventionType.BanFullMode:
                Regulator.BanFullMode();
                Log.Add(CurrentStep, EventKind.Intervention, name, "Full no longer offered", action.Label);
                Institutions.FallBackFromFull(_limitedOffered ? PartnershipMode.Limited : PartnershipMode.None, _onFallback);
                break;
            case InterventionType.Warning:
                Regulator.Warn(CurrentStep, action.Duration, action.Multiplier, action.Label);
                Log.Add(CurrentStep, EventKind.Intervention, name,
                    $"regulatory exposure x{Number(action.Multiplier)} for {action.Duration} steps", action.Label);
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
            NegativeShock(type, salience, null, EventKind.Shock, RandomScandal, "");
        }
    }

    /// <summary>How a random scandal's detail begins in the event log: charts tell them from scheduled shocks by it.</summary>
    public const string RandomScandal = "random scandal";

    private void NegativeShock(ShockType type, double salience, double? weight, EventKind kind, string what, string label,
        bool raisesStringency = true)
    {
        var w = weight ?? _scenario.Platform.ShockWeights.For(type);
        var drop = Platform.NegativeShock(w, salience);
        ShockDrop += drop;
        FirstNegativeShockStep = Math.Min(FirstNegativeShockStep, CurrentStep);
        if (raisesStringency && type is ShockType.Hearing or ShockType.Fine)
            Regulator.Act(Regulator.DefaultRise);
        var detail = (what.Length > 0 ? what + " " : "") + $"salience={Number(salience)} drop={Number(drop)}";
        Log.Add(CurrentStep, kind, SnakeCase.From(type.ToString()), detail, label);
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

    private static string Number(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
