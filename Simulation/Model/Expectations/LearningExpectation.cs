using TrustSim.Scenarios;

namespace TrustSim.Model.Expectations;

/// <summary>
/// `learning`: the foresight value scaled by a discount d_j that each institution learns. A
/// partner moves d_j towards what it saw, A_j / Ahat*_j,m_j; an institution in None has nothing
/// of its own to see and moves d_j towards the size-weighted mean discount of the partners of
/// its type (unchanged if none partners). d_j starts at 1, so the rule begins as foresight.
/// </summary>
internal sealed class LearningExpectation : IAdoptionExpectation
{
    // Below this foresight value the ratio A_j / Ahat* says nothing (0/0 in the limit): skip the update.
    private const double Negligible = 1e-12;

    private readonly double _rate;
    private readonly double[] _discount;
    private readonly double[] _next;
    private readonly double[] _sizeByType = new double[EnumSize.InstitutionTypes];
    private readonly double[] _weightedByType = new double[EnumSize.InstitutionTypes];

    /// <param name="institutions">How many institutions the run has.</param>
    /// <param name="ratePerStep">k_E converted to the step (a weekly fraction compounded over the step).</param>
    public LearningExpectation(int institutions, double ratePerStep)
    {
        _rate = ratePerStep;
        _discount = Enumerable.Repeat(1.0, institutions).ToArray();
        _next = new double[institutions];
    }

    /// <summary>The discounts d_j now.</summary>
    public ReadOnlySpan<double> Discounts => _discount;

    public double Expected(int j, double foresight) => foresight * _discount[j];

    /// <summary>
    /// All discounts move together from the values at the start of the phase, so an institution
    /// in None follows its peers' discounts as they stood, whatever the order of institutions.
    /// </summary>
    public void Observe(in ExpectationEvidence evidence)
    {
        Array.Clear(_sizeByType);
        Array.Clear(_weightedByType);
        for (var j = 0; j < _discount.Length; j++)
        {
            if (evidence.Modes[j] == PartnershipMode.None) continue;
            var type = (int)evidence.Profiles[j].Type;
            _sizeByType[type] += evidence.Profiles[j].Size;
            _weightedByType[type] += evidence.Profiles[j].Size * _discount[j];
        }
        for (var j = 0; j < _discount.Length; j++)
        {
            var d = _discount[j];
            if (evidence.Modes[j] != PartnershipMode.None)
            {
                var foresight = evidence.Foresight(j);
                if (foresight > Negligible) d += _rate * (evidence.Realised(j) / foresight - d);
            }
            else
            {
                var type = (int)evidence.Profiles[j].Type;
                if (_sizeByType[type] > 0) d += _rate * (_weightedByType[type] / _sizeByType[type] - d);
            }
            _next[j] = d;
        }
        Array.Copy(_next, _discount, _discount.Length);
    }
}
