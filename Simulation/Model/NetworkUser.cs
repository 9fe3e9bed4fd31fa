using System.Runtime.InteropServices;

namespace TrustSim.Model;

/// <summary>
/// What the users' phase reads of one user under network influence, in one 16-byte record (four
/// to a cache line) so a drawn user costs one line: concern c_i and trust offset u_i (copies of
/// the population's own, which never move under a network), the kept counts of aware and adopting
/// neighbours, and the degree.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NetworkUser
{
    public float Concern;
    public float Offset;

    /// <summary>Aware neighbours in the high 16 bits, adopting neighbours in the low 16 (degree ≤ 65,535).</summary>
    public int Counts;

    public int Degree;
}
