namespace TrustSim.Analysis.Discovery;

/// <summary>
/// What PRIM searches: the inputs of every case and whether each case is one of interest. Coverage is
/// counted against all cases of interest and mass against all cases, in every round of covering, so the
/// boxes' coverages and masses add up.
/// </summary>
internal sealed class PrimData
{
    private readonly bool[] _interesting;

    public PrimData(IReadOnlyList<PrimInput> inputs, IReadOnlyList<bool> interesting)
    {
        if (inputs.Count == 0) throw new ArgumentException("PRIM needs at least one input", nameof(inputs));
        if (inputs.Any(i => i.Count != interesting.Count)) throw new ArgumentException("every input needs one value per case", nameof(inputs));
        Inputs = inputs;
        _interesting = [.. interesting];
        Interesting = _interesting.Count(y => y);
    }

    public IReadOnlyList<PrimInput> Inputs { get; }

    /// <summary>Count of cases.</summary>
    public int Cases => _interesting.Length;

    /// <summary>Count of cases of interest.</summary>
    public int Interesting { get; }

    /// <summary>Whether case <paramref name="row"/> is one of interest.</summary>
    public bool IsInteresting(int row) => _interesting[row];

    /// <summary>The cases still searched (<paramref name="active"/>) that lie in <paramref name="box"/>, ignoring input <paramref name="except"/>.</summary>
    public int[] Members(PrimBox box, IReadOnlyList<bool> active, int except = -1)
    {
        var members = new List<int>();
        for (int row = 0; row < Cases; row++)
        {
            if (active[row] && box.Contains(Inputs, row, except)) members.Add(row);
        }
        return [.. members];
    }

    /// <summary>How many of <paramref name="rows"/> are cases of interest.</summary>
    public int CountInteresting(IEnumerable<int> rows) => rows.Count(r => _interesting[r]);
}
