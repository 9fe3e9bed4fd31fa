using System.Runtime.CompilerServices;
using TrustSim.Core;

namespace TrustSim.Model;

/// <summary>
/// A Watts-Strogatz small world over the users, stored as compressed adjacency lists (offsets
/// into one neighbour array) so a step reads it sequentially and allocates nothing.
/// </summary>
internal sealed class SocialNetwork
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;

    private SocialNetwork(int[] offsets, int[] neighbours)
    {
        _offsets = offsets;
        _neighbours = neighbours;
    }

    /// <summary>Neighbours of user i are Neighbours[Offsets[i] .. Offsets[i+1]); one more offset than users.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>Every user's neighbours, user by user, each list sorted; two entries per edge.</summary>
    public ReadOnlySpan<int> Neighbours => _neighbours;

    /// <summary>The arrays behind <see cref="Offsets"/> and <see cref="Neighbours"/>, for the population's prefetch hints; never written.</summary>
    internal (int[] Offsets, int[] Neighbours) Arrays => (_offsets, _neighbours);

    public int Degree(int user) => _offsets[user + 1] - _offsets[user];

    /// <summary>The largest degree of any user.</summary>
    public int MaxDegree
    {
        get
        {
            var max = 0;
            for (var i = 0; i + 1 < _offsets.Length; i++) max = Math.Max(max, _offsets[i + 1] - _offsets[i]);
            return max;
        }
    }

    public ReadOnlySpan<int> NeighboursOf(int user) => _neighbours.AsSpan(_offsets[user], Degree(user));

    /// <summary>
    /// Builds the small world. The ring runs over a random permutation of users, because users
    /// are stored grouped by institution and a ring over storage order would make neighbours
    /// customers of the same bank. Each lattice edge is rewired with probability
    /// <paramref name="rewiring"/> to a uniformly drawn user outside the source's lattice window;
    /// the rare duplicate edges this can still create are removed at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SocialNetwork WattsStrogatz(int users, int degree, double rewiring, RandomStream rng)
    {
        var ring = new int[users];
        for (var i = 0; i < users; i++) ring[i] = i;
        for (var i = users - 1; i > 0; i--)
        {
            var j = rng.NextIndex(i + 1);
            (ring[i], ring[j]) = (ring[j], ring[i]);
        }

        var half = Math.Min(degree / 2, (users - 1) / 2);
        var edgeCount = (long)users * half;
        var from = new int[edgeCount];
        var to = new int[edgeCount];
        long e = 0;
        for (var pos = 0; pos < users; pos++)
        {
            for (var j = 1; j <= half; j++)
            {
                var target = (pos + j) % users;
                if (rng.Chance(rewiring))
                {
                    // Outside the lattice window, so a rewired edge never doubles a lattice one.
                    if (users > 2 * half + 1)
                    {
                        int distance;
                        do
                        {
                            target = rng.NextIndex(users);
                            distance = Math.Abs(target - pos);
                            distance = Math.Min(distance, users - distance);
                        } while (distance <= half);
                    }
                }
                from[e] = ring[pos];
                to[e] = ring[target];
                e++;
            }
        }
        return FromEdges(users, from, to);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SocialNetwork FromEdges(int users, int[] from, int[] to)
    {
        var offsets = new int[users + 1];
        for (var e = 0; e < from.Length; e++)
        {
            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
        }
        for (var i = 0; i < users; i++) offsets[i + 1] += offsets[i];
        var fill = offsets[..users];
        var neighbours = new int[offsets[users]];
        for (var e = 0; e < from.Length; e++)
        {
            neighbours[fill[from[e]]++] = to[e];
            neighbours[fill[to[e]]++] = from[e];
        }
        return Deduplicated(users, offsets, neighbours);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SocialNetwork Deduplicated(int users, int[] offsets, int[] neighbours)
    {
        var write = 0;
        var start = 0;
        for (var i = 0; i < users; i++)
        {
            var end = offsets[i + 1];
            var span = neighbours.AsSpan(start, end - start);
            span.Sort();
            offsets[i] = write;
            for (var k = 0; k < span.Length; k++)
                if (span[k] != i && (k == 0 || span[k] != span[k - 1]))
                    neighbours[write++] = span[k];
            start = end;
        }
        offsets[users] = write;
        return new SocialNetwork(offsets, write == neighbours.Length ? neighbours : neighbours[..write]);
    }
}
