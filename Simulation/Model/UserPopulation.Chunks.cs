using System.Runtime.CompilerServices;
using TrustSim.Core;

namespace TrustSim.Model;

internal sealed partial class UserPopulation
{
    /// <summary>
    /// One chunk's share of the adoption phase, with the chunk's own generator (in the two
    /// propagation phases the "chunks" are the parts, one per thread). In each segment the aware
    /// users reconsider first and the unaware then hear of the service, so a user who hears this
    /// step is not reconsidered in it. Users are visited only when drawn: the gap to the next
    /// reconsidering user is geometric with chance r_u, and so is the gap to the next user who
    /// hears (chance p_j, or the top chance under a network, thinned per user).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunChunk(int chunk)
    {
        switch (_phase)
        {
            case Phase.Propagation:
                PropagatePart(chunk);
                return;
            case Phase.Delivery:
                DeliverTo(chunk);
                return;
        }
        var rng = _chunkRng[chunk];
        for (var s = _segments.FirstOfChunk[chunk]; s < _segments.FirstOfChunk[chunk + 1]; s++)
        {
            if (_network is null) SegmentByBlock(s, rng);
            else SegmentByNetwork(s, rng, chunk);
        }
    }

    /// <summary>
    /// Institution influence. Each segment is kept partitioned: its aware users first, then the
    /// unaware, so each group is a range and skips run over it alone. A user who hears is swapped
    /// to the boundary; users are interchangeable within a block (the same peers, the same
    /// institution), so storage order carries no meaning.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SegmentByBlock(int s, RandomStream rng)
    {
        var start = _segments.Start[s];
        var end = _segments.Start[s + 1];
        var b = _blockStep[_segments.Block[s]];
        var boundary = start + _segments.Aware[s];
        var adopters = _segments.Adopters[s];
        if (b.Offered)
        {
            var rep = _inputs.Reputation;
            var logMiss = _inputs.ReconsiderLogMiss;
            for (var i = start + rng.NextGap(logMiss); i < boundary; i += 1 + rng.NextGap(logMiss))
            {
                var trust = Math.Clamp(rep + _offset[i], 0, 1);
                var z = b.BaseUtility - _concern[i] * (1 - trust) * b.CostScale + b.Pull;
                adopters += Decide(i, rng.NextUnit() < Logistic.Of(z), 0);
            }
        }
        for (var i = boundary + rng.NextGap(b.AwareLogMiss); i < end; i += 1 + rng.NextGap(b.AwareLogMiss))
        {
            (_concern[i], _concern[boundary]) = (_concern[boundary], _concern[i]);
            (_offset[i], _offset[boundary]) = (_offset[boundary], _offset[i]);
            // Both were unaware, so neither adopted: the state bytes need no swap.
            _state[boundary] = AwareBit;
            boundary++;
        }
        _segments.SetCounts(s, boundary - start, adopters);
    }

    /// <summary>Sets user i's adopter bit to <paramref name="adopts"/>; returns the change in adopters (-1, 0 or 1).</summary>
    private int Decide(int i, bool adopts, byte track)
    {
        var s = _state[i];
        var was = (s & AdopterBit) != 0;
        if (adopts == was) return 0;
        _state[i] = (byte)((s ^ AdopterBit) | track);
        return adopts ? 1 : -1;
    }
}
