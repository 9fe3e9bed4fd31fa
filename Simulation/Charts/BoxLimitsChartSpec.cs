namespace TrustSim.Charts;

/// <summary>One box's restriction of one input: its limits (numeric) or the categories it keeps, and its quasi-p-value.</summary>
internal sealed record BoxLimit(double Low, double High, IReadOnlyList<int> Kept, double QuasiP);

/// <summary>One input's row: its full range (or categories) and each box's restriction of it, null where a box leaves it free.</summary>
internal sealed record BoxLimitsRow(string Input, double Min, double Max, IReadOnlyList<string> Categories, IReadOnlyList<BoxLimit?> Boxes)
{
    public bool IsCategorical => Categories.Count > 0;
}

/// <summary>The boxes found, drawn against each restricted input's full range.</summary>
/// <param name="Boxes">Each box's legend text, in order.</param>
/// <param name="Empty">Why there is no box, when there is none.</param>
internal sealed record BoxLimitsChartSpec(string FileName, string Title, IReadOnlyList<BoxLimitsRow> Rows, IReadOnlyList<string> Boxes, string Note, string? Empty);
