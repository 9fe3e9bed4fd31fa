namespace TrustSim.Analysis.Discovery;

/// <summary>
/// One input PRIM may restrict: a numeric column (peeled from either end on its quantiles) or a
/// categorical one (peeled by removing one category at a time). Values are per case, in case order.
/// </summary>
internal sealed record PrimInput
{
    private PrimInput(string name, double[]? values, int[]? codes, IReadOnlyList<string> categories)
    {
        Name = name;
        Values = values;
        Codes = codes;
        Categories = categories;
        (Min, Max) = values is { Length: > 0 } ? (values.Min(), values.Max()) : (double.NaN, double.NaN);
    }

    public string Name { get; }

    /// <summary>The numbers of a numeric input; null for a categorical one.</summary>
    public IReadOnlyList<double>? Values { get; }

    /// <summary>Each case's category as an index into <see cref="Categories"/>; null for a numeric input.</summary>
    public IReadOnlyList<int>? Codes { get; }

    /// <summary>The categories of a categorical input in ordinal text order; empty for a numeric input.</summary>
    public IReadOnlyList<string> Categories { get; }

    public bool IsCategorical => Codes is not null;

    /// <summary>Count of cases.</summary>
    public int Count => Values?.Count ?? Codes!.Count;

    /// <summary>A numeric input; every value must be finite.</summary>
    public static PrimInput Numeric(string name, IReadOnlyList<double> values)
    {
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"{name}: every value must be finite", nameof(values));
        return new PrimInput(name, [.. values], null, []);
    }

    /// <summary>A categorical input from each case's category; the categories are sorted so their order does not depend on the rows'.</summary>
    public static PrimInput Categorical(string name, IReadOnlyList<string> labels)
    {
        string[] categories = [.. labels.Distinct().Order(StringComparer.Ordinal)];
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        return new PrimInput(name, null, labels.Select(l => index[l]).ToArray(), categories);
    }

    /// <summary>Smallest value of a numeric input over every case; NaN for a categorical one.</summary>
    public double Min { get; }

    /// <summary>Largest value of a numeric input over every case; NaN for a categorical one.</summary>
    public double Max { get; }

    /// <summary>True when every case has the same value or category: nothing to peel.</summary>
    public bool IsConstant => IsCategorical ? Categories.Count < 2 : Min == Max;
}
