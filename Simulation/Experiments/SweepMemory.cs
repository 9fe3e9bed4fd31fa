using TrustSim.Engine;

namespace TrustSim.Experiments;

/// <summary>The memory a sweep needs: its largest design point's run, times the runs in flight.</summary>
internal static class SweepMemory
{
    /// <summary>
    /// The estimate for <paramref name="workers"/> runs at once of the sweep's largest run: the sizes
    /// that drive memory (users.count, users.network.degree, time.steps) are taken at their largest
    /// value over the design points, so a sweep over users.count is judged by its biggest world; so are
    /// the institution counts and what drives their mode switches (reconsider, choice noise).
    /// Finished runs are spooled to disk, so only the runs in flight hold results.
    /// </summary>
    public static MemoryEstimate Estimate(SweepPlan plan, int workers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scenario = plan.Scenario;
        var users = scenario.Users;
        var time = scenario.Time;
        var institutions = scenario.Institutions;
        for (int k = 0; k < plan.Parameters.Count; k++)
        {
            // Capped at each key's own maximum: a point beyond it fails validation by itself and never runs.
            switch (plan.Parameters[k].Path)
            {
                case "users.count":
                    users = users with { Count = Math.Max(users.Count, Largest(plan, k, 100_000_000)) };
                    break;
                case "users.network.degree":
                    users = users with { Network = users.Network with { Degree = Math.Max(users.Network.Degree, Largest(plan, k, 1000)) } };
                    break;
                case "time.steps":
                    time = time with { Steps = Math.Max(time.Steps, Largest(plan, k, 100_000)) };
                    break;
                case "institutions.generated.banks":
                    institutions = institutions with { Generated = institutions.Generated with { Banks = Math.Max(institutions.Generated.Banks, Largest(plan, k, 100_000)) } };
                    break;
                case "institutions.generated.payments":
                    institutions = institutions with { Generated = institutions.Generated with { Payments = Math.Max(institutions.Generated.Payments, Largest(plan, k, 100_000)) } };
                    break;
                case "institutions.reconsider":
                    // Reviews, and so mode-switch events, grow with r_b; the largest is capped at 1 (every step).
                    institutions = institutions with { Reconsider = Math.Max(institutions.Reconsider, Math.Min(1, LargestValue(plan, k))) };
                    break;
                case "institutions.choice_noise":
                    institutions = institutions with { ChoiceNoise = Math.Max(institutions.ChoiceNoise, Math.Min(100, LargestValue(plan, k))) };
                    break;
            }
        }
        var biggest = scenario with { Users = users, Time = time, Institutions = institutions };
        int concurrent = (int)Math.Min(Math.Max(1, workers), Math.Max(1, plan.RunCount));
        return MemoryEstimate.For(biggest, concurrent, concurrent) with { BookkeepingBytes = Bookkeeping(plan) };
    }

    /// <summary>Journal index entry per run, the done/completed/failed bits per run, and each design point's values.</summary>
    public static long Bookkeeping(SweepPlan plan) =>
        plan.RunCount * JournalIndexBytesPerRun + plan.RunCount * 3 / 8 + (long)plan.Points.Count * (DesignPointBytes + 8L * plan.Parameters.Count);

    /// <summary>The journal index keeps one 8-byte offset per run of the plan.</summary>
    public const int JournalIndexBytesPerRun = 8;

    /// <summary>A design point object and its values array's header (the values themselves counted apart).</summary>
    public const int DesignPointBytes = 64;

    private static int Largest(SweepPlan plan, int parameter, int cap) => (int)Math.Min(cap, Math.Ceiling(LargestValue(plan, parameter)));

    private static double LargestValue(SweepPlan plan, int parameter)
    {
        double max = 0;
        foreach (var point in plan.Points)
        {
            double v = point.Values[parameter];
            if (double.IsFinite(v) && v > max) max = v;
        }
        return max;
    }
}
