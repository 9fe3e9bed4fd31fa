using System.Globalization;

namespace TrustSim.Experiments;

/// <summary>
/// Several <see cref="IRunSeriesSource"/>s read side by side as one store of finished runs' series,
/// asked for runs in ascending run-id order (as the final files are written). Every source is sorted,
/// so each is read once from start to end and the store holds one record at a time, however many runs
/// there are. A run found in several sources (run again after a kill, or spooled and also in a finished
/// timeseries.parquet) is deterministic, so the first whole copy is taken; later sources are opened
/// only when the earlier ones lack a run.
/// </summary>
internal sealed class RunSeriesStore(IReadOnlyList<IRunSeriesSource> sources) : IDisposable
{
    private long _last = -1;

    /// <summary>
    /// Reads run <paramref name="runId"/> into <paramref name="series"/>: null when a whole copy was found,
    /// else why not ("missing", or the file and what is wrong with the run's record there).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The runs were not asked for in ascending order.</exception>
    public string? Read(long runId, RunSeries series) => Find(runId, source => source.Read(series));

    /// <summary>Whether run <paramref name="runId"/> has a whole copy, as <see cref="Read"/> would find it, without decoding it where the source allows.</summary>
    public string? Check(long runId) => Find(runId, source => source.Check());

    private string? Find(long runId, Func<IRunSeriesSource, string?> take)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(runId, _last);
        _last = runId;
        string? damaged = null;
        foreach (IRunSeriesSource source in sources)
        {
            while (source.Current < runId && source.Advance()) { }
            if (source.Current != runId) continue;
            if (take(source) is not { } problem) return null;
            damaged ??= $"damaged in {source.Name}: {problem}";
        }
        return damaged ?? Missing();
    }

    /// <summary>"missing", with the sources that ended early (where a record was cut short or is not one), since the run may have been there.</summary>
    private string Missing()
    {
        var ended = sources.Where(s => s.Problem is not null).Select(s => $"{s.Name}: {s.Problem}").Take(2).ToList();
        return ended.Count == 0 ? "missing" : string.Create(CultureInfo.InvariantCulture, $"missing ({string.Join("; ", ended)})");
    }

    public void Dispose()
    {
        foreach (IRunSeriesSource source in sources) source.Dispose();
    }
}
