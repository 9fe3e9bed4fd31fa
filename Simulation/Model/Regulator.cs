using System.Runtime.CompilerServices;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The regulator: stringency S, which rises at hearings and fines and relaxes otherwise; warnings
/// that multiply every institution's regulatory exposure for a while; and the ban on Full.
/// </summary>
internal sealed class Regulator(RegulatorSettings settings, StepRates rates)
{
    private readonly List<(int LastStep, double Multiplier, string Label)> _warnings = [];
    private double _pendingRise;
    private bool _actedThisStep;

    public double Stringency { get; private set; } = settings.Stringency;

    /// <summary>Product of the multipliers of the warnings in force (1 with none).</summary>
    public double ExposureMultiplier { get; private set; } = 1;

    /// <summary>True once Full has been banned; it is then never offered again.</summary>
    public bool FullBanned { get; private set; }

    /// <summary>A hearing or fine: stringency rises by <paramref name="rise"/> in this step's regulator phase.</summary>
    public void Act(double rise)
    {
        _pendingRise += rise;
        _actedThisStep = true;
    }

    /// <summary>Rise of a hearing or fine without its own figure (sigma).</summary>
    public double DefaultRise => settings.Increment;

    public void Warn(int step, int duration, double multiplier, string label)
    {
        _warnings.Add((step + duration - 1, multiplier, label));
        ExposureMultiplier *= multiplier;
    }

    public void BanFullMode() => FullBanned = true;

    /// <summary>
    /// Phase 8: apply this step's rises, or relax towards S0 when there were none; end warnings
    /// whose time is up. Returns the labels of the warnings that ended.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string> RegulatorUpdate(int step)
    {
        if (_actedThisStep)
            Stringency += _pendingRise;
        else
            Stringency += rates.StringencyRelaxation * (settings.Stringency - Stringency);
        _pendingRise = 0;
        _actedThisStep = false;

        if (_warnings.Count == 0) return [];
        var ended = new List<string>();
        for (var k = _warnings.Count - 1; k >= 0; k--)
        {
            if (_warnings[k].LastStep > step) continue;
            ended.Add(_warnings[k].Label);
            _warnings.RemoveAt(k);
        }
        if (ended.Count > 0)
        {
            ExposureMultiplier = 1;
            foreach (var w in _warnings) ExposureMultiplier *= w.Multiplier;
        }
        return ended;
    }
}
