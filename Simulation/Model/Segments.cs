using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>
/// The users cut both by institution block and by fixed-size chunk: segment s is the users
/// [Start[s], Start[s+1]) of block Block[s] inside one chunk. Each segment keeps its own counts
/// of aware users and adopters, so chunks never write to shared counters.
/// </summary>
internal sealed class Segments
{
    public Segments(int[] blockStart, int chunkSize)
    {
        var users = blockStart[^1];
        Chunks = Math.Max(1, (users + chunkSize - 1) / chunkSize);
        var start = new List<int>();
        var block = new List<int>();
        FirstOfBlock = new int[blockStart.Length];
        for (var j = 0; j + 1 < blockStart.Length; j++)
        {
            FirstOfBlock[j] = start.Count;
            for (var i = blockStart[j]; i < blockStart[j + 1];)
            {
                var cut = Math.Min(blockStart[j + 1], (i / chunkSize + 1) * chunkSize);
                start.Add(i);
                block.Add(j);
                i = cut;
            }
        }
        FirstOfBlock[^1] = start.Count;
        start.Add(users);
        Start = [.. start];
        Block = [.. block];
        Aware = new int[Block.Length];
        Adopters = new int[Block.Length];
        FirstOfChunk = new int[Chunks + 1];
        var s = 0;
        for (var c = 0; c <= Chunks; c++)
        {
            while (s < Block.Length && Start[s] < c * chunkSize) s++;
            FirstOfChunk[c] = s;
        }
    }

    public int Chunks { get; }

    /// <summary>First user of each segment, and the user count at the end.</summary>
    public int[] Start { get; }

    public int[] Block { get; }

    public int[] Aware { get; }

    public int[] Adopters { get; }

    /// <summary>Chunk c holds segments [FirstOfChunk[c], FirstOfChunk[c+1]).</summary>
    public int[] FirstOfChunk { get; }

    /// <summary>Block j is segments [FirstOfBlock[j], FirstOfBlock[j+1]).</summary>
    public int[] FirstOfBlock { get; }

    /// <summary>Totals per block from the segments' counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SumByBlock(int[] aware, int[] adopters)
    {
        Array.Clear(aware);
        Array.Clear(adopters);
        for (var s = 0; s < Block.Length; s++)
        {
            aware[Block[s]] += Aware[s];
            adopters[Block[s]] += Adopters[s];
        }
    }
}
