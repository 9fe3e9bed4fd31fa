namespace TrustSim.Benchmark;

/// <summary>One configuration the benchmark runs: an influence kind and a thread count.</summary>
internal sealed record BenchCase(string Influence, int Threads);
