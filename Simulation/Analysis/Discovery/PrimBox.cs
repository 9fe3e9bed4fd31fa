namespace TrustSim.Analysis.Discovery;

/// <summary>
/// A box in the inputs' space: for each numeric input a closed interval [Low, High], for each categorical
/// input the categories kept. An input is restricted when its interval is narrower than the input's full
/// range (or a category is left out). Immutable: peeling and pasting make new boxes.
/// </summary>
internal sealed class PrimBox
{
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly bool[]?[] _kept;

    private PrimBox(double[] low, double[] high, bool[]?[] kept)
    {
        _low = low;
        _high = high;
        _kept = kept;
    }

    /// <summary>The box that restricts nothing: every input's full range, every category.</summary>
    public static PrimBox Whole(IReadOnlyList<PrimInput> inputs) => new(
        inputs.Select(i => i.IsCategorical ? double.NaN : i.Min).ToArray(),
        inputs.Select(i => i.IsCategorical ? double.NaN : i.Max).ToArray(),
        inputs.Select(i => i.IsCategorical ? Enumerable.Repeat(true, i.Categories.Count).ToArray() : null).ToArray());

    /// <summary>Lower limit of numeric input <paramref name="j"/> (NaN for a categorical one).</summary>
    public double Low(int j) => _low[j];

    /// <summary>Upper limit of numeric input <paramref name="j"/> (NaN for a categorical one).</summary>
    public double High(int j) => _high[j];

    /// <summary>Whether categorical input <paramref name="j"/> keeps category <paramref name="category"/>.</summary>
    public bool Keeps(int j, int category) => _kept[j]![category];

    /// <summary>The categories categorical input <paramref name="j"/> keeps, as indices in order.</summary>
    public IReadOnlyList<int> KeptCategories(int j) => Enumerable.Range(0, _kept[j]!.Length).Where(c => _kept[j]![c]).ToArray();

    /// <summary>Whether case <paramref name="row"/> lies in the box, every input considered except <paramref name="except"/> (-1: none).</summary>
    public bool Contains(IReadOnlyList<PrimInput> inputs, int row, int except = -1)
    {
        for (int j = 0; j < inputs.Count; j++)
        {
            if (j == except) continue;
            if (inputs[j].Codes is { } codes)
            {
                if (!_kept[j]![codes[row]]) return false;
            }
            else
            {
                double x = inputs[j].Values![row];
                if (x < _low[j] || x > _high[j]) return false;
            }
        }
        return true;
    }

    /// <summary>True when input <paramref name="j"/> is narrower than its full range.</summary>
    public bool IsRestricted(IReadOnlyList<PrimInput> inputs, int j) =>
        inputs[j].IsCategorical ? _kept[j]!.Any(k => !k) : _low[j] > inputs[j].Min || _high[j] < inputs[j].Max;

    /// <summary>How many inputs the box restricts.</summary>
    public int RestrictedCount(IReadOnlyList<PrimInput> inputs) => Enumerable.Range(0, inputs.Count).Count(j => IsRestricted(inputs, j));

    /// <summary>The same box with numeric input <paramref name="j"/> limited to [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public PrimBox WithLimits(int j, double low, double high)
    {
        double[] lows = [.. _low], highs = [.. _high];
        (lows[j], highs[j]) = (low, high);
        return new PrimBox(lows, highs, _kept);
    }

    /// <summary>The same box with <paramref name="category"/> of input <paramref name="j"/> kept or left out.</summary>
    public PrimBox WithCategory(int j, int category, bool keep)
    {
        var kept = (bool[]?[])_kept.Clone();
        kept[j] = [.. _kept[j]!];
        kept[j]![category] = keep;
        return new PrimBox(_low, _high, kept);
    }

    /// <summary>The same box with input <paramref name="j"/> restored to its full range (a restriction dropped).</summary>
    public PrimBox Without(IReadOnlyList<PrimInput> inputs, int j)
    {
        if (!inputs[j].IsCategorical) return WithLimits(j, inputs[j].Min, inputs[j].Max);
        var kept = (bool[]?[])_kept.Clone();
        kept[j] = Enumerable.Repeat(true, inputs[j].Categories.Count).ToArray();
        return new PrimBox(_low, _high, kept);
    }
}
