namespace TrustSim.Analysis.Discovery;

/// <summary>One input's restriction in a box, with its quasi-p-value.</summary>
/// <param name="Input">Index of the input.</param>
/// <param name="Low">Lower limit (numeric inputs; NaN for categorical).</param>
/// <param name="High">Upper limit (numeric inputs; NaN for categorical).</param>
/// <param name="Kept">The categories kept (categorical inputs; empty for numeric).</param>
/// <param name="QuasiP">Quasi-p-value of the restriction (see <see cref="QuasiP"/>).</param>
internal sealed record Restriction(int Input, double Low, double High, IReadOnlyList<int> Kept, double QuasiP)
{
    /// <summary>Input <paramref name="j"/>'s restriction as <paramref name="box"/> has it.</summary>
    public static Restriction Of(PrimData data, PrimBox box, int j, double quasiP) => data.Inputs[j].IsCategorical
        ? new Restriction(j, double.NaN, double.NaN, box.KeptCategories(j), quasiP)
        : new Restriction(j, box.Low(j), box.High(j), [], quasiP);
}
