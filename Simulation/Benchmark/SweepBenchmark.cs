using System.Diagnostics;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Benchmark;

/// <summary>
/// The sweep case of <c>trustsim bench</c>: many small runs as a sweep does them (a random design of
/// distinct points, two replications each, the journal, the spool and the final data files in a
/// temporary folder), against one run with as many user-steps (all their users in one world, on as
/// many threads as the sweep has workers). What a sweep costs beyond its users' work is the difference.
/// </summary>
internal static class SweepBenchmark
{
    public static SweepBenchResult Measure(Scenario scenario, int runs, int workers, string folder, bool warm = false)
    {
        var sweep = scenario with
        {
            Replications = 1,
            Sweep = new SweepSettings
            {
                Design = SweepDesign.Random,
                Samples = Math.Max(1, runs / 2),
                Replications = 2,
                Parameters =
                [
                    new SweepParameter { Path = "platform.scar", Min = 0, Max = 0.6 },
                    new SweepParameter { Path = "institutions.imitation", Min = 0, Max = 1 },
                ],
            },
        };
        var plan = SweepPlan.Build(sweep);
        if (warm)
        {
            // The same sweep, untimed: afterwards every method it runs has been compiled and optimised.
            string first = folder + "-warm-up";
            try
            {
                RunSweep(plan, first, workers);
            }
            finally
            {
                if (Directory.Exists(first)) Directory.Delete(first, recursive: true);
            }
        }
        Directory.CreateDirectory(folder);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        SweepRunnerResult ran = RunRuns(plan, folder, workers);
        double runSeconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        long spool = RunSpool.SpoolFiles(folder).Sum(f => new FileInfo(f).Length);
        long journalBytes = new FileInfo(Path.Combine(folder, SweepJournal.FileName)).Length;
        SweepFolder.AssembleData(folder, plan);
        double totalSeconds = clock.Elapsed.TotalSeconds;
        long parquet = new FileInfo(Path.Combine(folder, TimeseriesParquet.FileName)).Length;

        // One world of every run's users, stepped on the sweep's workers as threads.
        long users = Math.Min(int.MaxValue, (long)plan.RunCount * scenario.Users.Count);
        var big = scenario with { Users = scenario.Users with { Count = (int)users }, Replications = 1, Sweep = null };
        Simulator.Run(big, 0, Simulator.ReplicationSeed(big, 0), threads: workers); // warm-up of the large-world paths
        clock.Restart();
        Simulator.Run(big, 0, Simulator.ReplicationSeed(big, 0), threads: workers);
        double bigSeconds = clock.Elapsed.TotalSeconds;

        return new SweepBenchResult
        {
            Runs = plan.RunCount,
            Failed = ran.Failed,
            UsersPerRun = scenario.Users.Count,
            Steps = scenario.Time.Steps,
            Workers = workers,
            Warm = warm,
            RunsSeconds = runSeconds,
            DataFilesSeconds = totalSeconds - runSeconds,
            SweepSeconds = totalSeconds,
            RunsPerSecond = plan.RunCount / totalSeconds,
            AllocatedBytesPerRun = (double)allocated / plan.RunCount,
            OneRunUsers = users,
            OneRunSeconds = bigSeconds,
            SweepOverOneRun = totalSeconds / bigSeconds,
            SpoolBytes = spool,
            JournalBytes = journalBytes,
            ParquetBytes = parquet,
        };
    }

    private static SweepRunnerResult RunRuns(SweepPlan plan, string folder, int workers)
    {
        using var journal = SweepJournal.OpenForAppend(Path.Combine(folder, SweepJournal.FileName));
        return new SweepRunner(plan, folder, workers).Run(journal, new RunSet(plan.RunCount), null, CancellationToken.None);
    }

    private static void RunSweep(SweepPlan plan, string folder, int workers)
    {
        Directory.CreateDirectory(folder);
        RunRuns(plan, folder, workers);
        SweepFolder.AssembleData(folder, plan);
    }
}
