using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// Hands one stream of journal entries to several writers running side by side, each seeing every entry
/// in order, so the journal is parsed once however many files are made from it. A failure anywhere stops
/// them all with it: a writer never sees a stream cut short as if it had ended, so none finishes a file
/// with rows missing.
/// </summary>
internal static class JournalFanOut
{
    // Entries in flight per writer: enough to keep the writers busy, few enough that memory stays flat.
    private const int Queued = 256;

    public static void Run(IEnumerable<JournalEntry> entries, params Action<IEnumerable<JournalEntry>>[] writers)
    {
        using var stop = new CancellationTokenSource();
        var queues = writers.Select(_ => new BlockingCollection<JournalEntry>(Queued)).ToArray();
        var failures = new ConcurrentQueue<Exception>();
        void Fail(Exception e)
        {
            failures.Enqueue(e);
            stop.Cancel();
        }
        var tasks = writers.Select((write, k) => Task.Run(() =>
        {
            try
            {
                write(queues[k].GetConsumingEnumerable(stop.Token));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by a failure elsewhere, which is the one reported.
            }
            catch (Exception e)
            {
                Fail(e);
            }
        })).ToArray();
        try
        {
            foreach (JournalEntry entry in entries)
            {
                foreach (var queue in queues) queue.Add(entry, stop.Token);
            }
            foreach (var queue in queues) queue.CompleteAdding();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !failures.IsEmpty)
        {
            // A writer failed; its exception is rethrown below.
        }
        catch (Exception e)
        {
            Fail(e);
        }
        Task.WaitAll(tasks);
        foreach (var queue in queues) queue.Dispose();
        // Disk trouble or damaged input first, as the files were once written one by one; then a cancellation.
        if ((failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault()) is { } first)
            ExceptionDispatchInfo.Capture(first).Throw();
    }
}
