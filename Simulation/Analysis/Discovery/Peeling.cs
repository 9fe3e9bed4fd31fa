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
                if (candidate.Cases < smallest) continue;
                if (best is null || Candidate.Better(candidate, best, last.Cases, last.Interesting)) best = candidate;
            }
            if (best is null) break;
            // Only the chosen slice's box is applied to the members: candidates are counted, not built.
            (box, members) = (best.Box, members.Where(r => best.Box.Contains(data.Inputs, r)).ToArray());
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
        int n = members.Length, m = Slice(n, alpha), interesting = data.CountInteresting(members);
        for (int j = 0; j < data.Inputs.Count; j++)
        {
            var input = data.Inputs[j];
            if (input.Codes is { } codes)
            {
                var (count, hits) = (new int[input.Categories.Count], new int[input.Categories.Count]);
                foreach (int r in members)
                {
                    count[codes[r]]++;
                    if (data.IsInteresting(r)) hits[codes[r]]++;
                }
                foreach (int category in box.KeptCategories(j))
                {
                    if (count[category] == 0 || count[category] == n) continue;
                    yield return new Candidate(box.WithCategory(j, category, false), n - count[category], interesting - hits[category], j);
                }
                continue;
            }
            var values = input.Values!;
            // Sorted by value; the order among tied cases does not matter, since a slice takes all of a tie or none of it.
            double[] sorted = members.Select(r => values[r]).ToArray();
            int[] rows = [.. members];
            Array.Sort(sorted, rows);
            // before[i]: cases of interest among the i smallest.
            var before = new int[n + 1];
            for (int i = 0; i < n; i++) before[i + 1] = before[i] + (data.IsInteresting(rows[i]) ? 1 : 0);
            // Lower end: the m smallest and every case tied with the m-th.
            double cut = sorted[m - 1];
            int first = m;
            while (first < n && sorted[first] == cut) first++;
            if (first < n)
                yield return new Candidate(box.WithLimits(j, LowerLimit(cut, sorted[first]), box.High(j)), n - first, interesting - before[first], j);
            // Upper end: the m largest and every case tied with the m-th largest.
            cut = sorted[n - m];
            int last = n - m - 1;
            while (last >= 0 && sorted[last] == cut) last--;
            if (last >= 0)
                yield return new Candidate(box.WithLimits(j, box.Low(j), UpperLimit(sorted[last], cut)), last + 1, before[last + 1], j);
        }
    }

    /// <summary>
    /// A lower limit halfway between the largest value left out (<paramref name="outside"/>) and the smallest kept
    /// (<paramref name="inside"/>), so the box does not hinge on either; the kept value itself when the two are so close
    /// that halfway rounds onto the one left out.
    /// </summary>
    public static double LowerLimit(double outside, double inside)
    {
        double half = outside + (inside - outside) / 2;
        return half > outside && half <= inside ? half : inside;
    }

    /// <summary>An upper limit halfway between the largest value kept and the smallest left out (see <see cref="LowerLimit"/>).</summary>
    public static double UpperLimit(double inside, double outside)
    {
        double half = inside + (outside - inside) / 2;
        return half >= inside && half < outside ? half : inside;
    }
}
