using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Model;

/// <summary>
/// The simulated users as plain arrays (structure of arrays): concern c_i, trust offset u_i and
/// one byte of state each, 9 bytes a user. Users are stored grouped by institution, so an
/// institution's customers are one contiguous block and per-institution values are computed
/// once per block, not once per user.
/// </summary>
internal sealed class UserPopulation
{
    private const byte AwareBit = 1;
    private const byte AdopterBit = 2;
    private const byte AwareChangedBit = 4;
    private const byte AdopterChangedBit = 8;

    private readonly float[] _concern;
    private readonly float[] _offset;
    private readonly byte[] _state;
    private readonly int[] _blockStart;
    private readonly int[] _aware;
    private readonly int[] _adopters;
    private readonly SocialNetwork? _network;
    private readonly ushort[] _awareNeighbours;
    private readonly ushort[] _adoptingNeighbours;

    public UserPopulation(float[] concern, float[] offset, int[] blockStart, SocialNetwork? network, ulong runSeed = 0, ChunkPool? pool = null)
    {
        _concern = concern;
        _offset = offset;
        _blockStart = blockStart;
        _network = network;
        _state = new byte[concern.Length];
        _aware = new int[blockStart.Length - 1];
        _adopters = new int[blockStart.Length - 1];
        _awareNeighbours = network is null ? [] : new ushort[concern.Length];
        _adoptingNeighbours = network is null ? [] : new ushort[concern.Length];
        Outlook = AdoptionOutlook.Build(concern, offset, blockStart);
    }

    public int Count => _state.Length;

    /// <summary>Each institution's expected adoption under a mode, from its customers' concern and offset.</summary>
    public AdoptionOutlook Outlook { get; }

    public int Customers(int institution) => _blockStart[institution + 1] - _blockStart[institution];

    public int Aware(int institution) => _aware[institution];

    public int Adopters(int institution) => _adopters[institution];

    public double AdoptionShare(int institution) =>
        Customers(institution) == 0 ? 0 : (double)_adopters[institution] / Customers(institution);

    /// <summary>The concern of institution j's customers (for the exact outlook in tests).</summary>
    public ReadOnlySpan<float> ConcernOf(int institution) => _concern.AsSpan(_blockStart[institution], Customers(institution));

    public ReadOnlySpan<float> OffsetOf(int institution) => _offset.AsSpan(_blockStart[institution], Customers(institution));

    public int TotalAware() => Sum(_aware);

    public int TotalAdopters() => Sum(_adopters);

    /// <summary>
    /// Phase 5. Unaware users hear of the service with the Bass chance p + q * (aware share of
    /// their peers); aware users whose institution partners reconsider with chance r_u and then
    /// adopt with chance L((V_i + J_u * abar)/mu_u). All peer shares are those at the start of the
    /// step, so the order in which users are visited does not matter. A user who becomes aware
    /// this step is not visited again until the next step.
    /// </summary>
    public void Adoption(double reputation, ReadOnlySpan<PartnershipMode> modes, ModeSettings modeSettings,
        UserSettings settings, StepRates rates, RandomStream rng)
    {
        var choice = UserChoice.From(settings);
        var p = settings.Innovation;
        var q = settings.Imitation;
        var reconsider = rates.UserReconsider;
        var networked = _network is not null;
        var track = networked ? (byte)0xFF : (byte)0;
        for (var j = 0; j < _aware.Length; j++)
        {
            var start = _blockStart[j];
            var end = _blockStart[j + 1];
            if (end == start) continue;
            var mode = modeSettings.For(modes[j]);
            var offered = modes[j] != PartnershipMode.None;
            var awareShare = (double)_aware[j] / (end - start);
            var adoptionPull = choice.PeerInfluence * _adopters[j] / (end - start);
            var blockAwareChance = rates.PerStep(p + q * awareShare);
            var aware = _aware[j];
            var adopters = _adopters[j];
            for (var i = start; i < end; i++)
            {
                var s = _state[i];
                if ((s & AwareBit) == 0)
                {
                    var chance = networked ? rates.PerStep(p + q * NeighbourShare(_awareNeighbours, i)) : blockAwareChance;
                    if (rng.NextUnit() < chance)
                    {
                        _state[i] = (byte)(s | AwareBit | (AwareChangedBit & track));
                        aware++;
                    }
                }
                else if (offered && rng.NextUnit() < reconsider)
                {
                    var trust = Math.Clamp(reputation + _offset[i], 0, 1);
                    var value = mode.Benefit - _concern[i] * (1 - trust) * mode.Exposure - choice.Hurdle;
                    var pull = networked ? choice.PeerInfluence * NeighbourShare(_adoptingNeighbours, i) : adoptionPull;
                    var adopts = rng.NextUnit() < Logistic.Of((value + pull) / choice.Noise);
                    var was = (s & AdopterBit) != 0;
                    if (adopts != was)
                    {
                        _state[i] = (byte)((s ^ AdopterBit) | (AdopterChangedBit & track));
                        adopters += adopts ? 1 : -1;
                    }
                }
            }
            _aware[j] = aware;
            _adopters[j] = adopters;
        }
        if (networked) PropagateToNeighbours();
    }

    /// <summary>An institution dropped to None: its customers stop adopting at once.</summary>
    public void StopAdopting(int institution)
    {
        var track = _network is not null ? AdopterChangedBit : (byte)0;
        for (var i = _blockStart[institution]; i < _blockStart[institution + 1]; i++)
            if ((_state[i] & AdopterBit) != 0)
                _state[i] = (byte)((_state[i] & ~AdopterBit) | track);
        _adopters[institution] = 0;
        if (_network is not null) PropagateToNeighbours();
    }

    /// <summary>
    /// Brings each user's count of aware and adopting neighbours up to date with this step's
    /// changes, after every user has decided (the synchronous update).
    /// </summary>
    private void PropagateToNeighbours()
    {
        var net = _network!;
        for (var i = 0; i < _state.Length; i++)
        {
            var s = _state[i];
            if ((s & (AwareChangedBit | AdopterChangedBit)) == 0) continue;
            var awareGained = (s & AwareChangedBit) != 0;
            var adoptDelta = (s & AdopterChangedBit) == 0 ? 0 : (s & AdopterBit) != 0 ? 1 : -1;
            foreach (var n in net.NeighboursOf(i))
            {
                if (awareGained) _awareNeighbours[n]++;
                _adoptingNeighbours[n] = (ushort)(_adoptingNeighbours[n] + adoptDelta);
            }
            _state[i] = (byte)(s & (AwareBit | AdopterBit));
        }
    }

    private double NeighbourShare(ushort[] counts, int user)
    {
        var degree = _network!.Degree(user);
        return degree == 0 ? 0 : (double)counts[user] / degree;
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
        _network is null ? (0, 0) : (_awareNeighbours[user], _adoptingNeighbours[user]);

    public SocialNetwork? Network => _network;

    /// <summary>The first user of institution j's block; its customers are users [start, start + Customers(j)).</summary>
    public int FirstCustomer(int institution) => _blockStart[institution];

    /// <summary>Bytes of per-user state (excluding the network's edges), for the benchmark.</summary>
    public long StateBytesPerUser => sizeof(float) * 2 + sizeof(byte) + (_network is null ? 0 : 2 * sizeof(ushort));
}
