using System.Runtime.InteropServices;

namespace TrustSim.Model;

/// <summary>
/// What the users' phase reads of one user under network influence, in one 16-byte record so a
/// drawn user costs one cache line: concern c_i and trust offset u_i (copies of the population's
/// own, which never move under a network), the degree, and where the user's adjacency list starts
/// (so that propagating a change needs no other read before the list itself).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NetworkUser
{
    public float Concern;
    public float Offset;

    public int Degree;

    /// <summary>The user's neighbours are <see cref="SocialNetwork.Neighbours"/>[FirstEdge .. FirstEdge + Degree).</summary>
    public int FirstEdge;
}
