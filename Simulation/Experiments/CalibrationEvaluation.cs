namespace TrustSim.Experiments;

/// <summary>
/// One evaluation of the loss: where (parameter values), for which start (null for the
/// uncertainty phase after the search), the loss (+infinity when the values made an invalid
/// scenario) and the replicated mean of each observed metric at its step.
/// </summary>
internal sealed record CalibrationEvaluation(int Index, int? Start, IReadOnlyList<double> Values, double Loss, IReadOnlyList<double> Means)
{
    public bool IsSearch => Start is not null;
}
