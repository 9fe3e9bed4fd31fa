using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TrustSim.Experiments;

namespace TrustSim.Cli;

/// <summary>
/// Progress of a sweep: on a terminal a live line with runs done of total, runs per second, ETA and
/// failures; otherwise one plain line per minute (none for a sweep shorter than that).
/// </summary>
internal static class SweepProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromMinutes(1);

    /// <summary>Calls <paramref name="run"/> with a callback to report each journaled run.</summary>
    public static SweepRunnerResult Run(IAnsiConsole console, string name, long total, long alreadyDone, long alreadyFailed,
        Func<Action<JournalEntry>, SweepRunnerResult> run)
    {
        var counter = new Counter(total, alreadyDone, alreadyFailed);
        if (!console.ShowsProgress())
        {
            var gate = new Lock();
            var lastPrint = Stopwatch.StartNew();
            return run(entry =>
            {
                counter.Add(entry);
                lock (gate)
                {
                    if (lastPrint.Elapsed < PlainInterval) return;
                    lastPrint.Restart();
                    console.Print($"{name}: {counter.Describe()}");
                }
            });
        }
        SweepRunnerResult result = null!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"{name}: {counter.Describe()}"), maxValue: total);
                task.Value = alreadyDone;
                result = run(entry =>
                {
                    counter.Add(entry);
                    task.Increment(1);
                    task.Description = Markup.Escape($"{name}: {counter.Describe()}");
                });
            });
        return result;
    }

    private sealed class Counter(long total, long alreadyDone, long alreadyFailed)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _finishedNow;
        private long _failed = alreadyFailed;

        public void Add(JournalEntry entry)
        {
            Interlocked.Increment(ref _finishedNow);
            if (!entry.Completed) Interlocked.Increment(ref _failed);
        }

        public string Describe()
        {
            long now = Interlocked.Read(ref _finishedNow);
            long done = alreadyDone + now;
            double seconds = _clock.Elapsed.TotalSeconds;
            double rate = seconds > 0 ? now / seconds : 0;
            string eta = rate > 0 ? Duration((total - done) / rate) : "?";
            return string.Create(CultureInfo.InvariantCulture,
                $"{done:N0} of {total:N0} runs, {rate:0.0} runs/s, ETA {eta}, {Volatile.Read(ref _failed)} failed");
        }
    }

    public static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 60):0}m{seconds % 60:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 3600):0}h{Math.Floor(seconds % 3600 / 60):00}m"),
    };
}
