using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// The last answer of an <see cref="AdoptionOutlook"/> per slot (an institution, or an institution
/// and a mode), given again when the next call of that slot has the same arguments to the bit. The
/// outlook's answer is a function of its arguments alone, so this changes no result. It pays in
/// small worlds, where a run's cost is mostly the outlook: before a shock R holds still, and a
/// small institution's adoption share moves in whole customers, so from one step to the next the
/// arguments are often the same. A slot is asked from one thread at a time (mode choice runs on
/// one thread; the surplus terms give each institution to one chunk).
/// </summary>
internal sealed class OutlookMemo(AdoptionOutlook outlook, int slots, bool surplus)
{
    private readonly Entry[] _entries = new Entry[slots];

    public AdoptionOutlook Outlook { get; } = outlook;

    /// <summary><see cref="AdoptionOutlook.Surplus"/> or <see cref="AdoptionOutlook.Expected"/> of institution j, through slot <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Ask(int slot, int j, in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare)
    {
        ref var e = ref _entries[slot];
        var key = new Key(choice, benefit, exposure, reputation, adoptionShare, j);
        if (e.Held && e.Key == key) return e.Value;
        var value = surplus
            ? Outlook.Surplus(j, choice, benefit, exposure, reputation, adoptionShare)
            : Outlook.Expected(j, choice, benefit, exposure, reputation, adoptionShare);
        e = new Entry { Held = true, Key = key, Value = value };
        return value;
    }

    private struct Entry
    {
        public bool Held;
        public Key Key;
        public double Value;
    }

    /// <summary>The arguments as bits, so that equal means the same call (0 and -0, or two NaNs, are not merged).</summary>
    private readonly record struct Key(long Noise, long PeerInfluence, long Hurdle, long Benefit, long Exposure, long Reputation,
        long AdoptionShare, int Institution)
    {
        public Key(in UserChoice choice, double benefit, double exposure, double reputation, double adoptionShare, int j)
            : this(Bits(choice.Noise), Bits(choice.PeerInfluence), Bits(choice.Hurdle), Bits(benefit), Bits(exposure),
                Bits(reputation), Bits(adoptionShare), j)
        {
        }

        private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
    }
}
