namespace TrustSim.Experiments;

/// <summary>
/// Finished runs' time series in ascending run-id order, one run at a time: a worker's spool file, the
/// per-run part files of an older trustsim, or a finished sweep's timeseries.parquet. A source starts
/// before its first run; <see cref="RunSeriesStore"/> reads several side by side.
/// </summary>
internal interface IRunSeriesSource : IDisposable
{
    /// <summary>What to name in a message: the file (or folder) read.</summary>
    string Name { get; }

    /// <summary>The run id of the current run: -1 before the first, <see cref="long.MaxValue"/> after the last.</summary>
    long Current { get; }

    /// <summary>Moves to the next run; false at the end, or where the rest cannot be read (<see cref="Problem"/> then says why).</summary>
    bool Advance();

    /// <summary>Why the source ended before its end (a record cut short, bytes that are no record), or null.</summary>
    string? Problem { get; }

    /// <summary>Reads the current run's series into <paramref name="series"/>; null when it is whole, else why not.</summary>
    string? Read(RunSeries series);

    /// <summary>Whether the current run's series is whole, as <see cref="Read"/> would find it, at the least cost the source allows.</summary>
    string? Check();
}
