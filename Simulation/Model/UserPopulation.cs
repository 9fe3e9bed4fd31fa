using System.Runtime.CompilerServices;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The simulated users as plain arrays (structure of arrays): concern c_i, trust offset u_i and
/// one byte of state each, 9 bytes a user (13 under network influence, with the packed counts of
/// aware and adopting neighbours). Users are stored grouped by institution, so an institution's
/// customers are one contiguous block and per-institution values are computed once per block.
/// The users are also cut into fixed chunks of <see cref="ChunkSize"/>, each with its own random
/// stream, so the users' phase can run on several threads with the same result; a block cut by
/// chunk boundaries becomes several segments.
/// </summary>
internal sealed partial class UserPopulation : IChunkWork
{
    /// <summary>Users per chunk; fixed, so results never depend on the number of threads.</summary>
    public const int ChunkSize = 1 << ChunkShift;

    // Small enough that whole chunks split a million users evenly between threads (each
    // thread keeps the same chunks, see ChunkPool), large enough that a chunk's overhead is nil.
    private const int ChunkShift = 14;

    private const byte AwareBit = 1;
    private const byte AdopterBit = 2;
    private const byte AwareChangedBit = 4;
    private const byte AdopterChangedBit = 8;
    private const byte ChangedMask = AwareChangedBit | AdopterChangedBit;

    // The change marks of eight users' state bytes read as one word.
    private const ulong ChangedBits = 0x0C0C0C0C0C0C0C0CUL;

    private readonly float[] _concern;
    private readonly float[] _offset;
    private readonly byte[] _state;
    private readonly int[] _blockStart;
    private readonly int[] _aware;
    private readonly int[] _adopters;
    private readonly SocialNetwork? _network;
    // Under a network, each user's attributes, neighbour counts and degree in one record.
    private readonly NetworkUser[] _net;
    // The network's adjacency lists, as arrays for prefetch hints.
    private readonly int[] _edgeOffsets;
    private readonly int[] _edges;
    // Per chunk, a batch of drawn users and their uniforms (see SegmentByNetwork).
    private readonly Drawn[] _drawn;
    private readonly NetworkUser[] _gathered;
    // Per part, a batch of changed users, where their adjacency lists start and end, and the
    // changes their neighbours receive (see PropagateBatch).
    private readonly int[] _changed;
    // Per chunk, the users whose state changed this step (see Changed), or ScanChunk.
    private readonly int[] _changedUsers;
    private readonly int[] _changedCount;
    private readonly int[] _firstEdge;
    private readonly int[] _endEdge;
    private readonly uint[] _targets;
    private readonly int _targetsPerPart;
    private readonly Segments _segments;
    private readonly RandomStream[] _chunkRng;
    private readonly ChunkPool? _pool;
    private readonly BlockStep[] _blockStep;
    // Under a network the neighbour counts are cut into one part per thread, each part the users of
    // that thread's own chunks (ChunkPool.Share); only the part's propagation writes its counts.
    // Count changes found for another part wait in _outbox[from * parts + to].
    private readonly int _parts;
    private readonly int[] _partOfChunk;
    private readonly CountUpdates[] _outbox;
    private GeometricGaps? _reconsiderGaps;
    private GeometricGaps? _topGaps;
    private Phase _phase;
    private StepInputs _inputs;

    public UserPopulation(float[] concern, float[] offset, int[] blockStart, SocialNetwork? network, ulong runSeed = 0,
        ChunkPool? pool = null)
    {
        _concern = concern;
        _offset = offset;
        _blockStart = blockStart;
        _network = network;
        _pool = pool;
        _state = new byte[concern.Length];
        _aware = new int[blockStart.Length - 1];
        _adopters = new int[blockStart.Length - 1];
        _blockStep = new BlockStep[blockStart.Length - 1];
        _net = network is null ? [] : NetworkUsers(concern, offset, network);
        _segments = new Segments(blockStart, ChunkSize);
        _parts = pool?.Threads ?? 1;
        (_partOfChunk, _outbox) = network is null || _parts == 1 ? ([], []) : Mailboxes(concern.Length, _parts, _segments.Chunks);
        _drawn = network is null ? [] : new Drawn[_segments.Chunks * Batch];
        _gathered = network is null ? [] : new NetworkUser[_segments.Chunks * Batch];
        (_edgeOffsets, _edges) = network is null ? ([], []) : network.Arrays;
        _changed = network is null ? [] : new int[_parts * Batch];
        _changedUsers = network is null ? [] : new int[_segments.Chunks * ChangedPerChunk];
        _changedCount = network is null ? [] : new int[_segments.Chunks];
        _firstEdge = network is null ? [] : new int[_parts * Batch];
        _endEdge = network is null ? [] : new int[_parts * Batch];
        _targetsPerPart = network is null ? 0 : Batch * network.MaxDegree;
        _targets = new uint[_parts * _targetsPerPart];
        _chunkRng = new RandomStream[_segments.Chunks];
        for (var c = 0; c < _chunkRng.Length; c++)
            _chunkRng[c] = SeedSequence.ForChunk(runSeed, SeedSequence.Stream.Users, c);
        Outlook = AdoptionOutlook.Build(concern, offset, blockStart);
    }

    public int Count => _state.Length;

    /// <summary>
    /// Runs per-institution work of another phase on the threads that step the users (or in a plain
    /// loop on one thread), so that work made serial by its size does not leave the others idle.
    /// </summary>
    public void RunOnThreads(IChunkWork work, int chunks) => ChunkPool.Run(_pool, work, chunks);

    /// <summary>Each institution's expected adoption under a mode, from its customers' concern and offset.</summary>
    public AdoptionOutlook Outlook { get; }

    public int Customers(int institution) => _blockStart[institution + 1] - _blockStart[institution];

    public int Aware(int institution) => _aware[institution];

    public int Adopters(int institution) => _adopters[institution];

    /// <summary>alpha_j, the share of institution j's customers aware of the service.</summary>
    public double AwareShare(int institution) =>
        Customers(institution) == 0 ? 0 : (double)_aware[institution] / Customers(institution);

    public double AdoptionShare(int institution) =>
        Customers(institution) == 0 ? 0 : (double)_adopters[institution] / Customers(institution);

    /// <summary>The concern of institution j's customers (for the exact outlook in tests), in storage order.</summary>
    public ReadOnlySpan<float> ConcernOf(int institution) => _concern.AsSpan(_blockStart[institution], Customers(institution));

    public ReadOnlySpan<float> OffsetOf(int institution) => _offset.AsSpan(_blockStart[institution], Customers(institution));

    public int TotalAware() => Sum(_aware);

    public int TotalAdopters() => Sum(_adopters);

    /// <summary>
    /// Phase 5. Unaware users hear of the service with the Bass chance p + q * (aware share of
    /// their peers); aware users whose institution partners reconsider with chance r_u and then
    /// adopt with chance L((V_i + J_u * abar)/mu_u). All peer shares are those at the start of the
    /// step, and a user who becomes aware this step is not reconsidered until the next. Only the
    /// users drawn to act are visited: see <see cref="RunChunk"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Adoption(double reputation, ReadOnlySpan<PartnershipMode> modes, ModeSettings modeSettings,
        UserSettings settings, StepRates rates)
    {
        var choice = UserChoice.From(settings);
        var networked = _network is not null;
        for (var j = 0; j < _blockStep.Length; j++)
        {
            var n = Customers(j);
            if (n == 0) continue;
            var mode = modeSettings.For(modes[j]);
            var awareChance = networked ? 0 : rates.PerStep(settings.Innovation + settings.Imitation * _aware[j] / n);
            _blockStep[j] = new BlockStep(
                modes[j] != PartnershipMode.None,
                RandomStream.LogMiss(awareChance),
                (mode.Benefit - choice.Hurdle) / choice.Noise,
                mode.Exposure / choice.Noise,
                choice.PeerInfluence * _adopters[j] / n / choice.Noise);
        }
        // Under network influence unaware users are drawn at the highest chance any can have
        // (all neighbours aware) and then kept with their own chance over that one: thinning.
        var topChance = networked ? rates.PerStep(settings.Innovation + settings.Imitation) : 0;
        _inputs = new StepInputs(reputation, RandomStream.LogMiss(rates.UserReconsider), topChance, RandomStream.LogMiss(topChance),
            settings.Innovation, settings.Imitation, choice.PeerInfluence / choice.Noise, rates);
        if (networked)
        {
            // The walks' gaps by table look-up: the chances are fixed for a run, so the tables are built once.
            _reconsiderGaps = GeometricGaps.For(_inputs.ReconsiderLogMiss, _reconsiderGaps);
            _topGaps = GeometricGaps.For(_inputs.TopLogMiss, _topGaps);
        }
        _phase = Phase.Adoption;
        ChunkPool.Run(_pool, this, _segments.Chunks);
        _segments.SumByBlock(_aware, _adopters);
        if (networked) PropagateToNeighbours();
    }

    /// <summary>An institution dropped to None: its customers stop adopting at once.</summary>
    public void StopAdopting(int institution)
    {
        var track = _network is not null ? AdopterChangedBit : (byte)0;
        for (var s = _segments.FirstOfBlock[institution]; s < _segments.FirstOfBlock[institution + 1]; s++)
        {
            // Only aware users adopt; without a network they are the front of their segment.
            var end = _network is null ? _segments.Start[s] + _segments.Aware[s] : _segments.Start[s + 1];
            for (var i = _segments.Start[s]; i < end; i++)
                if ((_state[i] & AdopterBit) != 0)
                    _state[i] = (byte)((_state[i] & ~AdopterBit) | track);
            _segments.ClearAdopters(s);
            // Possibly many changes: propagation scans the chunk rather than list them.
            if (_network is not null) _changedCount[_segments.Start[s] >> ChunkShift] = ScanChunk;
        }
        _adopters[institution] = 0;
        if (_network is not null) PropagateToNeighbours();
    }

    /// <summary>
    /// Brings each user's count of aware and adopting neighbours up to date with this step's
    /// changes, after every user has decided (the synchronous update).
    /// </summary>
    private void PropagateToNeighbours()
    {
        _phase = Phase.Propagation;
        ChunkPool.Run(_pool, this, _parts);
        if (_parts == 1) return;
        _phase = Phase.Delivery;
        ChunkPool.Run(_pool, this, _parts);
    }

    /// <summary>
    /// The part of each chunk, and the buffers between parts, sized for a typical step (a few
    /// percent of users changing) so that they rarely grow once a run is under way.
    /// </summary>
    private static (int[] PartOfChunk, CountUpdates[] Outbox) Mailboxes(int users, int parts, int chunks)
    {
        var partOf = new int[chunks];
        for (var p = 0; p < parts; p++)
        {
            var (first, end) = ChunkPool.Share(p, parts, chunks);
            for (var c = first; c < end; c++) partOf[c] = p;
        }
        var outbox = new CountUpdates[parts * parts];
        for (var k = 0; k < outbox.Length; k++)
            outbox[k] = new CountUpdates(k / parts == k % parts ? 0 : users / (8 * parts));
        return (partOf, outbox);
    }

    private static int Sum(int[] values)
    {
        var total = 0;
        foreach (var v in values) total += v;
        return total;
    }

    public bool IsAware(int user) => (_state[user] & AwareBit) != 0;

    public bool IsAdopter(int user) => (_state[user] & AdopterBit) != 0;

    /// <summary>The kept counts of aware and adopting neighbours of a user (network influence only).</summary>
    public (int Aware, int Adopting) NeighbourCounts(int user) =>
        _network is null ? (0, 0) : (_net[user].Counts >> 16, _net[user].Counts & 0xFFFF);

    public SocialNetwork? Network => _network;

    /// <summary>Bytes of per-user state (excluding the network's edges), for the benchmark.</summary>
    public long StateBytesPerUser => sizeof(float) * 2 + sizeof(byte) + (_network is null ? 0 : Unsafe.SizeOf<NetworkUser>());

    private enum Phase { Adoption, Propagation, Delivery }

    /// <summary>One block's values for this step, the same for all its customers.</summary>
    private readonly record struct BlockStep(bool Offered, double AwareLogMiss, double BaseUtility, double CostScale, double Pull);

    /// <summary>This step's values shared by all users (chances per step, utilities already divided by mu_u).</summary>
    private readonly record struct StepInputs(double Reputation, double ReconsiderLogMiss, double TopChance, double TopLogMiss,
        double Innovation, double Imitation, double PeerScale, StepRates Rates);
}
