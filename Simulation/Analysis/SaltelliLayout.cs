namespace TrustSim.Analysis;

/// <summary>
/// Where the points of a Saltelli design sit: base row j (0..BaseRows-1) is a block of
/// <see cref="RowSize"/> consecutive design points A_j, AB_j^(1..k), [BA_j^(1..k)], B_j, where AB^(i)
/// is A with parameter i taken from B and BA^(i) is B with parameter i taken from A. Estimators find
/// the model output of any of them by these index functions.
/// </summary>
/// <param name="BaseRows">N, the number of base rows (sweep.samples).</param>
/// <param name="Parameters">k, the number of swept parameters.</param>
/// <param name="SecondOrder">Whether the BA blocks (needed for second-order indices) are present.</param>
internal sealed record SaltelliLayout(int BaseRows, int Parameters, bool SecondOrder)
{
    /// <summary>Design points per base row: k + 2, or 2k + 2 with second order.</summary>
    public int RowSize => SecondOrder ? 2 * Parameters + 2 : Parameters + 2;

    /// <summary>N (k + 2) or N (2k + 2).</summary>
    public int PointCount => BaseRows * RowSize;

    /// <summary>Design point index of A_j.</summary>
    public int A(int row) => row * RowSize;

    /// <summary>Design point index of AB_j^(i): A_j with parameter i (0-based) from B_j.</summary>
    public int AB(int row, int parameter) => row * RowSize + 1 + parameter;

    /// <summary>Design point index of BA_j^(i): B_j with parameter i (0-based) from A_j; second order only.</summary>
    public int BA(int row, int parameter) => SecondOrder
        ? row * RowSize + 1 + Parameters + parameter
        : throw new InvalidOperationException("this Saltelli design has no BA points (second_order is off)");

    /// <summary>Design point index of B_j.</summary>
    public int B(int row) => row * RowSize + RowSize - 1;
}
