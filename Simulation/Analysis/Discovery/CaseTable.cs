namespace TrustSim.Analysis.Discovery;

/// <summary>The cases a discovery reads: named columns of equal length, and where each case came from (for messages).</summary>
/// <param name="Source">The file the cases were read from, as messages name it.</param>
/// <param name="Lines">The line of <paramref name="Source"/> each case was read from.</param>
internal sealed record CaseTable(string Source, IReadOnlyList<CaseColumn> Columns, IReadOnlyList<long> Lines)
{
    public int Rows => Lines.Count;

    /// <summary>The column named <paramref name="name"/> exactly, or null.</summary>
    public CaseColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
