using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// Where a sweep's finished runs' series are: in each folder given (the sweep's own, and for a merge the
/// shards', read where they are, never copied), its spool files (parts/, an older version's part files
/// among them) and, once that folder was finished, its timeseries.parquet, read only for runs the spool
/// lacks (so parts/ may be deleted after the final files are written).
/// </summary>
internal static class SweepSeries
{
    public static RunSeriesStore Open(IEnumerable<string> folders, SweepPlan plan) =>
        new([.. folders.SelectMany(f => (IEnumerable<IRunSeriesSource>)[.. RunSpool.Sources(f),
            new ParquetRunSource(Path.Combine(f, TimeseriesParquet.FileName), plan.Replications)])]);
}
