namespace TrustSim.Analysis.Discovery;

/// <summary>
/// PRIM's bottom-up pasting (Friedman and Fisher 1999): peeling is greedy and may cut too deep, so the
/// chosen box is widened again along whichever side raises its density most per case added, a paste-alpha share of its
/// cases at a time (the nearest cases beyond one limit of one restricted input, or one category left
/// out), for as long as some paste raises the density.
/// </summary>
internal static class Pasting
{
    /// <summary>The boxes pasting passes through after <paramref name="start"/> (none when no paste helps), numbered on from <paramref name="nextStep"/>.</summary>
    public static IReadOnlyList<PrimStep> From(PrimData data, IReadOnlyList<bool> active, PrimStep start, int nextStep, double alpha)
    {
        var steps = new List<PrimStep>();
        var box = start.Box;
        int[] members = data.Members(box, active);
        int interesting = start.Interesting;
        while (true)
        {
            Candidate? best = null;
            foreach (var candidate in Candidates(data, active, box, members, interesting, alpha))
            {
                if (best is null || Candidate.Better(candidate, best, members.Length, interesting)) best = candidate;
            }
            // Only a strictly denser box is worth the widening.
            if (best is null || !best.Denser(members.Length, interesting)) break;
            (box, members, interesting) = (best.Box, data.Members(best.Box, active), best.Interesting);
            steps.Add(PrimStep.Of(data, nextStep + steps.Count, PrimStage.Paste, box, members));
        }
        return steps;
    }

    private static IEnumerable<Candidate> Candidates(PrimData data, IReadOnlyList<bool> active, PrimBox box, int[] members, int interesting, double alpha)
    {
        int m = Peeling.Slice(members.Length, alpha);
        for (int j = 0; j < data.Inputs.Count; j++)
        {
            if (!box.IsRestricted(data.Inputs, j)) continue;
            var input = data.Inputs[j];
            // Cases that meet every other limit of the box: the ones a paste along input j can take in.
            int[] beside = data.Members(box, active, except: j);
            if (input.Codes is { } codes)
            {
                for (int category = 0; category < input.Categories.Count; category++)
                {
                    if (box.Keeps(j, category)) continue;
                    int[] added = beside.Where(r => codes[r] == category).ToArray();
                    if (added.Length == 0) continue;
                    yield return new Candidate(box.WithCategory(j, category, true), members.Length + added.Length, interesting + data.CountInteresting(added), j);
                }
                continue;
            }
            var values = input.Values!;
            // Below the lower limit, nearest first.
            int[] below = beside.Where(r => values[r] < box.Low(j)).OrderByDescending(r => values[r]).ThenBy(r => r).ToArray();
            if (below.Length > 0)
            {
                int take = Math.Min(m, below.Length);
                double cut = values[below[take - 1]];
                while (take < below.Length && values[below[take]] == cut) take++;
                double low = take == below.Length ? input.Min : Peeling.LowerLimit(values[below[take]], cut);
                yield return new Candidate(box.WithLimits(j, low, box.High(j)), members.Length + take, interesting + data.CountInteresting(below[..take]), j);
            }
            int[] above = beside.Where(r => values[r] > box.High(j)).OrderBy(r => values[r]).ThenBy(r => r).ToArray();
            if (above.Length > 0)
            {
                int take = Math.Min(m, above.Length);
                double cut = values[above[take - 1]];
                while (take < above.Length && values[above[take]] == cut) take++;
                double high = take == above.Length ? input.Max : Peeling.UpperLimit(cut, values[above[take]]);
                yield return new Candidate(box.WithLimits(j, box.Low(j), high), members.Length + take, interesting + data.CountInteresting(above[..take]), j);
            }
        }
    }
}
