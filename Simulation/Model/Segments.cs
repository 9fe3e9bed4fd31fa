using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// The users cut both by institution block and by fixed-size chunk: segment s is the users
/// [Start[s], Start[s+1]) of block Block[s] inside one chunk. Each segment keeps its own counts
/// of aware users and adopters, so chunks never write to shared counters.
/// </summary>
internal sealed class Segments
{
    private readonly int[] _start;
    private readonly int[] _block;
    private readonly int[] _aware;
    private readonly int[] _adopters;
    private readonly int[] _firstOfChunk;
    private readonly int[] _firstOfBlock;

    public Segments(int[] blockStart, int chunkSize)
    {
        var users = blockStart[^1];
        Chunks = Math.Max(1, (users + chunkSize - 1) / chunkSize);
        var start = new List<int>();
        var block = new List<int>();
        _firstOfBlock = new int[blockStart.Length];
        for (var j = 0; j + 1 < blockStart.Length; j++)
        {
            _firstOfBlock[j] = start.Count;
            for (var i = blockStart[j]; i < blockStart[j + 1];)
            {
                var cut = Math.Min(blockStart[j + 1], (i / chunkSize + 1) * chunkSize);
                start.Add(i);
                block.Add(j);
                i = cut;
            }
        }
        _firstOfBlock[^1] = start.Count;
        start.Add(users);
        _start = [.. start];
        _block = [.. block];
        _aware = new int[_block.Length];
        _adopters = new int[_block.Length];
        _firstOfChunk = new int[Chunks + 1];
        var s = 0;
        for (var c = 0; c <= Chunks; c++)
        {
            while (s < _block.Length && _start[s] < c * chunkSize) s++;
            _firstOfChunk[c] = s;
        }
    }

    public int Chunks { get; }

    /// <summary>First user of each segment, and the user count at the end.</summary>
    public ReadOnlySpan<int> Start => _start;

    /// <summary>The block (institution) of each segment.</summary>
    public ReadOnlySpan<int> Block => _block;

    /// <summary>Aware users of each segment; without a network they are the segment's first users.</summary>
    public ReadOnlySpan<int> Aware => _aware;

    /// <summary>Adopters of each segment.</summary>
    public ReadOnlySpan<int> Adopters => _adopters;

    /// <summary>Chunk c holds segments [FirstOfChunk[c], FirstOfChunk[c+1]).</summary>
    public ReadOnlySpan<int> FirstOfChunk => _firstOfChunk;

    /// <summary>Block j is segments [FirstOfBlock[j], FirstOfBlock[j+1]).</summary>
    public ReadOnlySpan<int> FirstOfBlock => _firstOfBlock;

    /// <summary>Segment s's counts after its users have acted; only the chunk that holds s calls this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetCounts(int s, int aware, int adopters)
    {
        _aware[s] = aware;
        _adopters[s] = adopters;
    }

    /// <summary>Segment s's users all stopped adopting (their institution dropped to None).</summary>
    public void ClearAdopters(int s) => _adopters[s] = 0;

    /// <summary>Totals per block from the segments' counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SumByBlock(int[] aware, int[] adopters)
    {
        Array.Clear(aware);
        Array.Clear(adopters);
        for (var s = 0; s < _block.Length; s++)
        {
            aware[_block[s]] += _aware[s];
            adopters[_block[s]] += _adopters[s];
        }
    }
}
