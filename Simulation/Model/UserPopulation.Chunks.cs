using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
            else SegmentByNetwork(s, rng);
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

    /// <summary>
    /// Network influence: users keep their places (the network points at them), so the skips run
    /// over the whole segment and a drawn user who is not in the group being drawn is passed by;
    /// each user is still drawn with its own chance, independently.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SegmentByNetwork(int s, RandomStream rng)
    {
        var start = _segments.Start[s];
        var end = _segments.Start[s + 1];
        var b = _blockStep[_segments.Block[s]];
        var offsets = _network!.Offsets;
        var counts = _neighbourCounts;
        var aware = _segments.Aware[s];
        var adopters = _segments.Adopters[s];
        if (b.Offered)
        {
            var rep = _inputs.Reputation;
            var logMiss = _inputs.ReconsiderLogMiss;
            for (var i = start + rng.NextGap(logMiss); i < end; i += 1 + rng.NextGap(logMiss))
            {
                if ((_state[i] & AwareBit) == 0) continue;
                var degree = offsets[i + 1] - offsets[i];
                var pull = degree == 0 ? 0 : _inputs.PeerScale * (counts[i] & 0xFFFF) / degree;
                var trust = Math.Clamp(rep + _offset[i], 0, 1);
                var z = b.BaseUtility - _concern[i] * (1 - trust) * b.CostScale + pull;
                adopters += Decide(i, rng.NextUnit() < Logistic.Of(z), AdopterChangedBit);
            }
        }
        var top = _inputs.TopChance;
        var topLogMiss = _inputs.TopLogMiss;
        for (var i = start + rng.NextGap(topLogMiss); i < end; i += 1 + rng.NextGap(topLogMiss))
        {
            var state = _state[i];
            if ((state & AwareBit) != 0) continue;
            var degree = offsets[i + 1] - offsets[i];
            var share = degree == 0 ? 0 : (double)(counts[i] >> 16) / degree;
            var chance = _inputs.Rates.PerStep(_inputs.Innovation + _inputs.Imitation * share);
            // Drawn at the top chance, kept with chance/top: heard with chance `chance` in all.
            if (rng.NextUnit() * top < chance)
            {
                _state[i] = (byte)(state | AwareBit | AwareChangedBit);
                aware++;
            }
        }
        _segments.SetCounts(s, aware, adopters);
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

    /// <summary>
    /// Propagation, first half, for the users of part <paramref name="part"/>: adds each changed
    /// user's change to its neighbours' counts where they lie in this part, and leaves the rest in
    /// the buffer for their part. Each count is written by its own part only, so no add is atomic:
    /// atomic adds would serialise these random writes, and counts written from both cores would
    /// bounce between their caches. Adjacency lists are sorted, so the neighbours in this part are
    /// one run of each list. Integer sums do not depend on the order of the adds, so the counts
    /// are the same for any number of threads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PropagatePart(int part)
    {
        var (lo, hi) = UsersOf(part);
        var words = MemoryMarshal.Cast<byte, ulong>(_state.AsSpan(lo, (hi - lo) & ~7));
        for (var w = 0; w < words.Length; w++)
        {
            if ((words[w] & ChangedBits) == 0) continue;
            for (var i = lo + 8 * w; i < lo + 8 * w + 8; i++) Propagate(i, part, lo, hi);
        }
        for (var i = lo + words.Length * 8; i < hi; i++) Propagate(i, part, lo, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Propagate(int i, int part, int lo, int hi)
    {
        var s = _state[i];
        if ((s & ChangedMask) == 0) return;
        var delta = ((s & AwareChangedBit) != 0 ? 1 << 16 : 0)
                    + ((s & AdopterChangedBit) == 0 ? 0 : (s & AdopterBit) != 0 ? 1 : -1);
        var neighbours = _network!.Neighbours;
        var counts = _neighbourCounts;
        var k = _network.Offsets[i];
        var end = _network.Offsets[i + 1];
        var kind = _parts == 1 ? 0 : CountUpdates.KindOf(delta);
        for (; k < end && neighbours[k] < lo; k++) Send(part, neighbours[k], kind);
        for (; k < end && neighbours[k] < hi; k++) counts[neighbours[k]] += delta;
        for (; k < end; k++) Send(part, neighbours[k], kind);
        _state[i] = (byte)(s & (AwareBit | AdopterBit));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Send(int part, int user, uint kind) =>
        _outbox[part * _parts + _partOfChunk[user >> ChunkShift]].Add(user, kind);

    /// <summary>Propagation, second half: applies what the other parts left for part <paramref name="part"/>'s users.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverTo(int part)
    {
        for (var from = 0; from < _parts; from++)
            if (from != part) _outbox[from * _parts + part].ApplyTo(_neighbourCounts);
    }

    /// <summary>The users [Lo, Hi) of part <paramref name="part"/>: those of thread <paramref name="part"/>'s own chunks.</summary>
    private (int Lo, int Hi) UsersOf(int part)
    {
        var (first, end) = ChunkPool.Share(part, _parts, _segments.Chunks);
        return (first * ChunkSize, Math.Min(end * ChunkSize, _state.Length));
    }
}
