namespace TrustSim.Analysis.Discovery;

/// <summary>
/// PRIM's top-down peeling (Friedman and Fisher 1999): from a box holding every searched case, remove at
/// each step the one slice that raises the box's density most per case removed (see <see cref="Candidate.Better"/>),
/// and record every box on the way. A slice is the
/// cases below the peel-alpha quantile of one numeric input within the box, or above its 1 - alpha
/// quantile (with every case tied at that value, so a slice is never empty), or the cases of one category
/// of a categorical input. Peeling stops when no slice can go without the box falling below the minimum
/// mass, or when the box is all cases of interest (or none), where no peel can raise its density.
/// </summary>
internal static class Peeling
{
    /// <summary>The trajectory from the whole box, among the cases still searched (<paramref name="active"/>).</summary>
    public static IReadOnlyList<PrimStep> Trajectory(PrimData data, IReadOnlyList<bool> active, PrimSettings settings)
    {
        var box = PrimBox.Whole(data.Inputs);
        int[] members = data.Members(box, active);
        int smallest = SmallestBox(data.Cases, settings.MinMass);
        var steps = new List<PrimStep> { PrimStep.Of(data, 0, PrimStage.Peel, box, members) };
        while (true)
        {
            var last = steps[^1];
            if (last.Interesting == last.Cases || last.Interesting == 0) break;
            Candidate? best = null;
            foreach (var candidate in Candidates(data, box, members, settings.PeelAlpha))
            {
                if (candidate.Members.Length < smallest) continue;
                if (best is null || Candidate.Better(candidate, best, last.Cases, last.Interesting)) best = candidate;
            }
            if (best is null) break;
            (box, members) = (best.Box, best.Members);
            steps.Add(PrimStep.Of(data, steps.Count, PrimStage.Peel, box, members));
        }
        return steps;
    }

    /// <summary>Fewest cases a box may hold: the minimum mass of all cases, rounded up, and at least one.</summary>
    public static int SmallestBox(int cases, double minMass) => Math.Max(1, (int)Math.Ceiling(minMass * cases - 1e-9));

    /// <summary>How many cases a share <paramref name="alpha"/> of <paramref name="cases"/> is: rounded down, and at least one.</summary>
    public static int Slice(int cases, double alpha) => Math.Max(1, (int)Math.Floor(alpha * cases + 1e-9));

    /// <summary>Every slice that could be peeled from <paramref name="box"/>, in input order, lower end before upper.</summary>
    private static IEnumerable<Candidate> Candidates(PrimData data, PrimBox box, int[] members, double alpha)
    {
        int m = Slice(members.Length, alpha);
        for (int j = 0; j < data.Inputs.Count; j++)
        {
            var input = data.Inputs[j];
            if (input.Codes is { } codes)
            {
                foreach (int category in box.KeptCategories(j))
                {
                    int[] kept = members.Where(r => codes[r] != category).ToArray();
                    if (kept.Length == members.Length || kept.Length == 0) continue;
                    yield return new Candidate(box.WithCategory(j, category, false), kept, data.CountInteresting(kept), j);
                }
                continue;
            }
            var values = input.Values!;
            int[] sorted = members.OrderBy(r => values[r]).ThenBy(r => r).ToArray();
            int n = sorted.Length;
            // Lower end: the m smallest and every case tied with the m-th.
            double cut = values[sorted[m - 1]];
            int first = m;
            while (first < n && values[sorted[first]] == cut) first++;
            if (first < n)
            {
                double low = Midpoint(cut, values[sorted[first]]);
                int[] kept = sorted[first..];
                yield return new Candidate(box.WithLimits(j, low, box.High(j)), Ordered(kept), data.CountInteresting(kept), j);
            }
            // Upper end: the m largest and every case tied with the m-th largest.
            cut = values[sorted[n - m]];
            int last = n - m - 1;
            while (last >= 0 && values[sorted[last]] == cut) last--;
            if (last >= 0)
            {
                double high = Midpoint(values[sorted[last]], cut);
                int[] kept = sorted[..(last + 1)];
                yield return new Candidate(box.WithLimits(j, box.Low(j), high), Ordered(kept), data.CountInteresting(kept), j);
            }
        }
    }

    /// <summary>A limit halfway between the last case removed and the first kept, so the box does not hinge on either.</summary>
    public static double Midpoint(double a, double b) => a + (b - a) / 2;

    private static int[] Ordered(int[] rows)
    {
        int[] copy = [.. rows];
        Array.Sort(copy);
        return copy;
    }
}
