using System.Runtime.InteropServices;

namespace TrustSim.Model;

/// <summary>
/// What the users' phase reads of one user under network influence, in one 16-byte record so a
/// drawn user costs one cache line: concern c_i and trust offset u_i (copies of the population's
/// own, which never move under a network), the kept counts of aware and adopting neighbours, and
/// the degree.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NetworkUser
{
    public float Concern;
    public float Offset;

    public int Degree;
}
