using System.Globalization;
using Parquet;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// A finished sweep's timeseries.parquet read back as a source of run series, so the spool (parts/) may
/// be deleted once the final files are written and a resume (--retry-failed, a repaired run) still has
/// every completed run's series. The file holds whole runs in run-id order, one row group at a time is
/// read; anything Parquet.Net cannot read, or rows that are not whole runs in order, ends the source
/// with a problem (the runs not read are then run again, never taken from a damaged file).
/// </summary>
internal sealed class ParquetRunSource(string path, int replications) : IRunSeriesSource
{
    private FileStream? _stream;
    private ParquetReader? _reader;
    private int _group = -1;
    private int _groupRows;
    private int _start;
    private int _end;
    private int[] _point = [];
    private int[] _replication = [];
    private int[] _step = [];
    private DateOnly[] _date = [];
    private double[][] _values = [];
    private bool _ended;

    public string Name => path;

    public long Current { get; private set; } = -1;

    public string? Problem { get; private set; }

    public bool Advance()
    {
        if (_ended) return false;
        try
        {
            _start = _end;
            while (_start >= _groupRows)
            {
                if (!NextGroup()) return End(null);
                _start = 0;
            }
            for (_end = _start + 1; _end < _groupRows && _point[_end] == _point[_start] && _replication[_end] == _replication[_start]; _end++) { }
            if (_point[_start] < 0 || _replication[_start] < 0 || _replication[_start] >= replications)
                return End(string.Create(CultureInfo.InvariantCulture, $"row group {_group}: point {_point[_start]}, replication {_replication[_start]} is no run of this sweep"));
            long id = (long)_point[_start] * replications + _replication[_start];
            if (id <= Current) return End(string.Create(CultureInfo.InvariantCulture, $"row group {_group}: run {id} after run {Current}, out of order"));
            Current = id;
            return true;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net reports a damaged file with many exception types; to a reader of runs each means the same.
            return End($"not a readable timeseries.parquet ({e.GetType().Name}: {e.Message})");
        }
    }

    public string? Read(RunSeries series)
    {
        int rows = _end - _start;
        series.Resize(rows);
        for (int r = 0; r < rows; r++)
        {
            series.Steps[r] = _step[_start + r];
            series.Days[r] = _date[_start + r].DayNumber;
        }
        for (int c = 0; c < _values.Length; c++)
        {
            Array.Copy(_values[c], _start, series.Values[c], 0, rows);
            if (Array.FindIndex(series.Values[c], 0, rows, double.IsInfinity) >= 0) return "an infinite value (the file is damaged)";
        }
        return null;
    }

    public string? Check() => Read(new RunSeries());

    public void Dispose()
    {
        _reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream?.Dispose();
    }

    private bool NextGroup()
    {
        if (_reader is null)
        {
            if (!File.Exists(path)) return false;
            _stream = Core.WholeFile.Open(path);
            _reader = ParquetReader.CreateAsync(_stream).GetAwaiter().GetResult();
        }
        if (++_group >= _reader.RowGroupCount) return false;
        using ParquetRowGroupReader group = _reader.OpenRowGroupReader(_group);
        if (group.RowCount is < 1 or > TimeseriesParquet.MaxGroupRows) throw new InvalidDataException($"row group {_group} claims {group.RowCount} rows");
        _groupRows = (int)group.RowCount;
        _point = Read<int>(group, TimeseriesParquet.Point);
        _replication = Read<int>(group, TimeseriesParquet.Replication);
        _step = Read<int>(group, TimeseriesParquet.Step);
        _date = Read<DateOnly>(group, TimeseriesParquet.Date);
        _values = TimeseriesParquet.Metrics.Select(m => Read<double>(group, m)).ToArray();
        return true;
    }

    private T[] Read<T>(ParquetRowGroupReader group, Parquet.Schema.DataField<T> field) where T : struct
    {
        var values = new T[_groupRows];
        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }

    private bool End(string? problem)
    {
        Problem = problem;
        Current = long.MaxValue;
        _ended = true;
        return false;
    }
}
