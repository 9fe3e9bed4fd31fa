using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TrustSim.Core;

namespace TrustSim.Model;

internal sealed partial class UserPopulation
{
    // Drawn users decided together (per chunk): enough that their records' cache misses overlap.
    private const int Batch = 64;

    // How many neighbours' counts ahead of the add being made are asked for.
    private const int Ahead = 16;

    // Changed users listed per chunk and step (a typical step changes a few tens per chunk); a
    // chunk with more is scanned instead (ScanChunk).
    private const int ChangedPerChunk = 1024;
    private const int ScanChunk = -1;

    /// <summary>
    /// Network influence: users keep their places (the network points at them), so the skips run
    /// over the whole segment and a drawn user who is not in the group being drawn is passed by;
    /// each user is still drawn with its own chance, independently. The walk itself reads only the
    /// state bytes; the drawn users and their uniforms are kept in a batch and decided afterwards,
    /// so the reads of their records (one cache line each, rarely in cache) overlap instead of
    /// stalling the walk one by one. Whether a user acts depends only on its state at the start of
    /// the phase, so deciding later changes nothing: the same uniforms reach the same users.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SegmentByNetwork(int s, RandomStream rng, int chunk)
    {
        var start = _segments.Start[s];
        var end = _segments.Start[s + 1];
        var b = _blockStep[_segments.Block[s]];
        var aware = _segments.Aware[s];
        var adopters = _segments.Adopters[s];
        // The chunk's generator in a local for the two walks, so its state stays in registers.
        var g = rng.Generator;
        if (b.Offered) adopters += Walk(ref g, _reconsiderGaps!.Table, start, end, AwareBit, new Reconsidering(b, chunk));
        aware += Walk(ref g, _topGaps!.Table, start, end, 0, new Hearing(chunk));
        rng.Generator = g;
        _segments.SetCounts(s, aware, adopters);
    }

    /// <summary>
    /// One walk over users [start, end): skips by gaps from <paramref name="gaps"/>, and each drawn
    /// user whose aware bit is <paramref name="acting"/> takes one uniform and joins the batch;
    /// full batches, and the last, go to <paramref name="decision"/>. Returns the sum of what the
    /// decisions return. The draws themselves are made in <see cref="Visit"/>, a loop without
    /// calls; what needs a call (a decision, a gap the direct table does not hold) is done here
    /// between its runs, in the same order of draws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Walk<TDecision>(ref Xoshiro256 generator, GeometricGaps.Lookup gaps, int start, int end, int acting,
        TDecision decision) where TDecision : struct, IDecision
    {
        var drawn = _drawn.AsSpan(decision.Chunk * Batch, Batch);
        var n = 0;
        var total = 0;
        var i = start + gaps.Next(ref generator);
        while (i < end)
        {
            var pending = Visit(ref generator, gaps, _state, _net, ref i, end, acting, drawn, ref n);
            if (pending != NoneHeld) i += 1 + gaps.GapOf(pending);
            if (n < Batch) continue;
            total += decision.Decide(this, drawn);
            n = 0;
        }
        return total + decision.Decide(this, drawn[..n]);
    }

    // No draw of 53 bits is this large: Visit returns it when it leaves no gap to finish.
    private const ulong NoneHeld = ulong.MaxValue;

    /// <summary>
    /// Visits users from <paramref name="position"/> (drawn, not yet looked at) until the walk
    /// passes <paramref name="end"/>, the batch is full, or a gap is not in the direct table; that
    /// gap's 53 bits are returned for the caller to finish the step (else <see cref="NoneHeld"/>).
    /// Without a call inside, the loop keeps the generator's four words in registers: the
    /// generator's chain of dependent operations, not memory, sets its pace.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static ulong Visit(ref Xoshiro256 generator, GeometricGaps.Lookup gaps, byte[] state, NetworkUser[] net,
        ref int position, int end, int acting, Span<Drawn> drawn, ref int count)
    {
        var g = generator;
        var i = position;
        var n = count;
        var pending = NoneHeld;
        while (i < end)
        {
            if ((state[i] & AwareBit) == acting)
            {
                // Its record is asked for now and read when the batch is decided.
                CacheLine.Prefetch(net, i);
                drawn[n++] = new Drawn(i, g.NextUnit());
            }
            var k = g.NextBits() >> 11;
            var gap = gaps.DirectGapOf(k);
            if (gap < 0)
            {
                pending = k;
                break;
            }
            i += 1 + gap;
            if (n == drawn.Length) break;
        }
        generator = g;
        position = i;
        count = n;
        return pending;
    }

    /// <summary>What a walk does with a batch of drawn users (a value type, so each walk is compiled for its own).</summary>
    private interface IDecision
    {
        int Chunk { get; }

        int Decide(UserPopulation users, ReadOnlySpan<Drawn> drawn);
    }

    private readonly struct Reconsidering(BlockStep block, int chunk) : IDecision
    {
        public int Chunk => chunk;

        public int Decide(UserPopulation users, ReadOnlySpan<Drawn> drawn) => users.Reconsider(drawn, block, chunk);
    }

    private readonly struct Hearing(int chunk) : IDecision
    {
        public int Chunk => chunk;

        public int Decide(UserPopulation users, ReadOnlySpan<Drawn> drawn) => users.Hear(drawn, chunk);
    }

    /// <summary>Aware users drawn to reconsider adopt with chance L((V_i + J_u * abar_i)/mu_u); returns the change in adopters.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int Reconsider(ReadOnlySpan<Drawn> drawn, in BlockStep b, int chunk)
    {
        var records = _gathered.AsSpan(chunk * Batch, drawn.Length);
        Gather(drawn, records);
        var rep = _inputs.Reputation;
        var peerScale = _inputs.PeerScale;
        var logistic = LogisticChance.Table;
        var change = 0;
        for (var k = 0; k < drawn.Length; k++)
        {
            ref readonly var u = ref records[k];
            var degree = u.Degree;
            var pull = degree == 0 ? 0 : peerScale * (u.Counts & 0xFFFF) / degree;
            var trust = Math.Clamp(rep + u.Offset, 0, 1);
            var z = b.BaseUtility - u.Concern * (1 - trust) * b.CostScale + pull;
            var changed = Decide(drawn[k].User, LogisticChance.Below(logistic, drawn[k].Unit, z), AdopterChangedBit);
            if (changed != 0) Changed(chunk, drawn[k].User);
            change += changed;
        }
        return change;
    }

    /// <summary>
    /// Unaware users drawn at the top chance hear with chance PerStep(p + q * aware share of
    /// neighbours): drawn at the top chance, kept with chance/top, so heard with `chance` in all.
    /// Returns how many heard.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int Hear(ReadOnlySpan<Drawn> drawn, int chunk)
    {
        var records = _gathered.AsSpan(chunk * Batch, drawn.Length);
        Gather(drawn, records);
        var top = _inputs.TopChance;
        var heard = 0;
        for (var k = 0; k < drawn.Length; k++)
        {
            ref readonly var u = ref records[k];
            var degree = u.Degree;
            var share = degree == 0 ? 0 : (double)(u.Counts >> 16) / degree;
            var chance = _inputs.Rates.PerStep(_inputs.Innovation + _inputs.Imitation * share);
            if (drawn[k].Unit * top >= chance) continue;
            _state[drawn[k].User] |= AwareBit | AwareChangedBit;
            Changed(chunk, drawn[k].User);
            heard++;
        }
        return heard;
    }

    /// <summary>
    /// Copies the drawn users' records in a loop that does nothing else, so their cache misses are
    /// all in flight at once rather than one per decision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Gather(ReadOnlySpan<Drawn> drawn, Span<NetworkUser> records)
    {
        var net = _net;
        for (var k = 0; k < drawn.Length; k++) records[k] = net[drawn[k].User];
    }

    /// <summary>
    /// Notes that user i of chunk <paramref name="chunk"/> changed this step, so propagation visits
    /// it without scanning every user's state. A chunk with more changes than its list holds (a
    /// rare step, or an institution's customers all stopping at once) is marked to be scanned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Changed(int chunk, int i)
    {
        var count = _changedCount[chunk];
        if (count < 0) return;
        if (count == ChangedPerChunk)
        {
            _changedCount[chunk] = ScanChunk;
            return;
        }
        _changedUsers[chunk * ChangedPerChunk + count] = i;
        _changedCount[chunk] = count + 1;
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
        var (firstChunk, endChunk) = ChunkPool.Share(part, _parts, _segments.Chunks);
        // The part's changed users go to full batches whichever chunk they come from (a chunk
        // lists a few tens), so each batch's reads ahead have hundreds of neighbours to overlap.
        var changed = _changed.AsSpan(part * Batch, Batch);
        var n = 0;
        for (var c = firstChunk; c < endChunk; c++)
        {
            var count = _changedCount[c];
            _changedCount[c] = 0;
            if (count == ScanChunk)
            {
                n = ScanForChanges(c, changed, n, part, lo, hi);
                continue;
            }
            foreach (var i in _changedUsers.AsSpan(c * ChangedPerChunk, count))
            {
                changed[n++] = i;
                if (n < Batch) continue;
                PropagateBatch(changed, part, lo, hi);
                n = 0;
            }
        }
        PropagateBatch(changed[..n], part, lo, hi);
    }

    /// <summary>
    /// Adds the changed users of chunk <paramref name="chunk"/>, found by reading every user's
    /// state eight at a time, to the part's batch (<paramref name="n"/> users in it so far);
    /// returns how many the batch holds afterwards.
    /// </summary>
    private int ScanForChanges(int chunk, Span<int> changed, int n, int part, int lo, int hi)
    {
        var from = chunk * ChunkSize;
        var to = Math.Min(from + ChunkSize, _state.Length);
        var state = _state;
        var words = MemoryMarshal.Cast<byte, ulong>(state.AsSpan(from, (to - from) & ~7));
        for (var w = 0; w < words.Length; w++)
        {
            if ((words[w] & ChangedBits) == 0) continue;
            for (var i = from + 8 * w; i < from + 8 * w + 8; i++)
            {
                if ((state[i] & ChangedMask) == 0) continue;
                changed[n++] = i;
                if (n < Batch) continue;
                PropagateBatch(changed, part, lo, hi);
                n = 0;
            }
        }
        for (var i = from + words.Length * 8; i < to; i++)
        {
            if ((state[i] & ChangedMask) == 0) continue;
            changed[n++] = i;
            if (n < Batch) continue;
            PropagateBatch(changed, part, lo, hi);
            n = 0;
        }
        return n;
    }

    /// <summary>
    /// Propagates a batch of changed users in loops that each do one thing, each asking ahead for
    /// the cache lines the next one reads: where their lists are (their records, mostly still in
    /// cache from their decisions), the lists themselves, every neighbour with the change it
    /// receives, then the adds to the neighbours' counts.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void PropagateBatch(ReadOnlySpan<int> changed, int part, int lo, int hi)
    {
        var offsets = _edgeOffsets;
        var neighbours = _edges;
        var first = _firstEdge.AsSpan(part * Batch, changed.Length);
        var end = _endEdge.AsSpan(part * Batch, changed.Length);
        for (var k = 0; k < changed.Length; k++)
        {
            first[k] = offsets[changed[k]];
            end[k] = offsets[changed[k] + 1];
            // A list of 8 ints is one cache line, or two when it straddles (nearly half of them):
            // both its first and its last are asked for here, or the copy below would wait for
            // the second line of each such list in turn.
            if (first[k] < end[k])
            {
                CacheLine.Prefetch(neighbours, first[k]);
                CacheLine.Prefetch(neighbours, end[k] - 1);
            }
        }
        var targets = _targets.AsSpan(part * _targetsPerPart, _targetsPerPart);
        var t = 0;
        for (var k = 0; k < changed.Length; k++)
        {
            var i = changed[k];
            var s = _state[i];
            var delta = ((s & AwareChangedBit) != 0 ? 1 << 16 : 0)
                        + ((s & AdopterChangedBit) == 0 ? 0 : (s & AdopterBit) != 0 ? 1 : -1);
            var kind = CountUpdates.KindOf(delta) << CountUpdates.UserBits;
            _state[i] = (byte)(s & (AwareBit | AdopterBit));
            for (var e = first[k]; e < end[k]; e++) targets[t++] = (uint)neighbours[e] | kind;
        }
        var net = _net;
        for (var k = 0; k < Math.Min(t, Ahead); k++) CacheLine.Prefetch(net, (int)(targets[k] & CountUpdates.UserMask));
        for (var k = 0; k < t; k++)
        {
            if (k + Ahead < t) CacheLine.Prefetch(net, (int)(targets[k + Ahead] & CountUpdates.UserMask));
            var user = (int)(targets[k] & CountUpdates.UserMask);
            var kind = targets[k] >> CountUpdates.UserBits;
            if (unchecked((uint)(user - lo)) < (uint)(hi - lo)) net[user].Counts += CountUpdates.Deltas[(int)kind];
            else Send(part, user, kind);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Send(int part, int user, uint kind) =>
        _outbox[part * _parts + _partOfChunk[user >> ChunkShift]].Add(user, kind);

    /// <summary>Propagation, second half: applies what the other parts left for part <paramref name="part"/>'s users.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverTo(int part)
    {
        for (var from = 0; from < _parts; from++)
            if (from != part) _outbox[from * _parts + part].ApplyTo(_net);
    }

    /// <summary>The users [Lo, Hi) of part <paramref name="part"/>: those of thread <paramref name="part"/>'s own chunks.</summary>
    private (int Lo, int Hi) UsersOf(int part)
    {
        var (first, end) = ChunkPool.Share(part, _parts, _segments.Chunks);
        return (first * ChunkSize, Math.Min(end * ChunkSize, _state.Length));
    }

    private static NetworkUser[] NetworkUsers(float[] concern, float[] offset, SocialNetwork network)
    {
        var users = new NetworkUser[concern.Length];
        for (var i = 0; i < users.Length; i++)
            users[i] = new NetworkUser { Concern = concern[i], Offset = offset[i], Degree = network.Degree(i) };
        return users;
    }

    /// <summary>A user drawn to act and the uniform that decides whether it does.</summary>
    private readonly record struct Drawn(int User, double Unit);
}
