namespace TrustSim.Core;

/// <summary>
/// Work split over users in fixed chunks; each chunk's work touches only its own users and its own
/// generator (or, for work cut into one part per thread, only what that part owns).
/// </summary>
internal interface IChunkWork
{
    /// <summary>Does the work of chunk <paramref name="chunk"/> (0-based).</summary>
    void RunChunk(int chunk);
}
