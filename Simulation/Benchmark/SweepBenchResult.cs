namespace TrustSim.Benchmark;

/// <summary>The figures of the sweep case of <c>trustsim bench</c> (see <see cref="SweepBenchmark"/>).</summary>
internal sealed record SweepBenchResult
{
    public required long Runs { get; init; }
    public required int Failed { get; init; }
    public required int UsersPerRun { get; init; }
    public required int Steps { get; init; }
    public required int Workers { get; init; }

    /// <summary>Whether an untimed sweep ran first, so these figures leave out the JIT's warm-up.</summary>
    public required bool Warm { get; init; }

    /// <summary>Running every run: worlds, steps, spool and journal, seconds.</summary>
    public required double RunsSeconds { get; init; }

    /// <summary>Writing runs.csv, points.csv and timeseries.parquet from the journal and spool, seconds.</summary>
    public required double DataFilesSeconds { get; init; }

    /// <summary>Runs and data files, seconds (charts, drawn after, are not counted).</summary>
    public required double SweepSeconds { get; init; }

    public required double RunsPerSecond { get; init; }

    /// <summary>Bytes allocated by every thread while the runs ran, per run (worlds, results, spool and journal records).</summary>
    public required double AllocatedBytesPerRun { get; init; }

    /// <summary>Users of the one run with the sweep's user-steps (runs times users per run).</summary>
    public required long OneRunUsers { get; init; }

    /// <summary>Setup and stepping of that one run on as many threads as the sweep has workers, seconds.</summary>
    public required double OneRunSeconds { get; init; }

    /// <summary>Sweep seconds over one-run seconds: what the sweep costs beyond its users' work (the target is 3 at most).</summary>
    public required double SweepOverOneRun { get; init; }

    /// <summary>The spool files (parts/) when every run had finished, bytes.</summary>
    public required long SpoolBytes { get; init; }

    public required long JournalBytes { get; init; }

    public required long ParquetBytes { get; init; }
}
