namespace TrustSim.Analysis.Discovery;

/// <summary>
/// The Patient Rule Induction Method for scenario discovery (Friedman and Fisher 1999; Bryant and Lempert
/// 2010): find boxes in the inputs' space, few inputs restricted, where the cases of interest are dense.
/// Each search peels a trajectory, picks one of its boxes (<see cref="BoxChoice"/>), pastes it back out
/// where that raises density, and drops restrictions whose quasi-p-values say they add nothing. Covering
/// then sets the box's cases aside and searches again, until a search's box is not significant, the
/// allowed number of boxes is reached, or no case of interest is left. Deterministic: the same data and
/// settings give the same boxes.
/// </summary>
internal static class Prim
{
    /// <summary>
    /// Fewest cases of interest left outside the boxes for covering to search again: a box of fewer could be
    /// "significant" against a near-empty remainder while describing next to nothing.
    /// </summary>
    public const int FewestLeft = 5;

    public static PrimResult Discover(PrimData data, PrimSettings settings)
    {
        var active = Enumerable.Repeat(true, data.Cases).ToArray();
        var rounds = new List<PrimRound>();
        for (int number = 1; number <= settings.MaxBoxes; number++)
        {
            int left = Enumerable.Range(0, data.Cases).Count(r => active[r] && data.IsInteresting(r));
            if (left == 0) return new PrimResult(rounds, PrimStop.Exhausted);
            if (left < FewestLeft && number > 1) return new PrimResult(rounds, PrimStop.FewLeft);
            var round = Search(data, active, settings, number);
            rounds.Add(round);
            if (!round.Accepted) return new PrimResult(rounds, round.Stop!.Value);
            foreach (int row in data.Members(round.Final.Box, active)) active[row] = false;
        }
        return new PrimResult(rounds, PrimStop.MaxBoxes);
    }

    /// <summary>One search among the cases still <paramref name="active"/>.</summary>
    public static PrimRound Search(PrimData data, IReadOnlyList<bool> active, PrimSettings settings, int number)
    {
        var peel = Peeling.Trajectory(data, active, settings);
        int searched = peel[0].Cases, searchedInteresting = peel[0].Interesting;
        PrimRound Rejected(IReadOnlyList<PrimStep> steps, int picked, IReadOnlyList<Restriction> restrictions, IReadOnlyList<Restriction> dropped,
            PrimStop stop) => new(number, steps, peel.Count, picked, restrictions, dropped, searched, searchedInteresting, false, stop);

        if (peel.Count == 1) return Rejected(peel, 0, [], [], PrimStop.NothingToPeel);
        int picked = BoxChoice.Pick(peel, settings.Density);
        if (picked < 0) return Rejected(peel, -1, [], [], PrimStop.DensityNotReached);

        var steps = new List<PrimStep>(peel);
        steps.AddRange(Pasting.From(data, active, peel[picked], steps.Count, settings.PasteAlpha));
        var dropped = new List<Restriction>();
        List<Restriction> restrictions;
        while (true)
        {
            // The picked box, or what pasting and dropping have made of it (the steps after the peel).
            var box = (steps.Count > peel.Count ? steps[^1] : peel[picked]).Box;
            restrictions = Enumerable.Range(0, data.Inputs.Count)
                .Where(j => box.IsRestricted(data.Inputs, j))
                .Select(j => Restriction.Of(data, box, j, QuasiP.Of(data, box, active, j)))
                .ToList();
            if (!settings.Prune || restrictions.Count == 0) break;
            // The least significant first: dropping one changes the others' values, so they are tested again. With a stated
            // density, a restriction stays when the box would fall below that density without it, significant or not.
            PrimStep? wider = null;
            foreach (var weakest in restrictions.Where(r => r.QuasiP > settings.Significance).OrderByDescending(r => r.QuasiP).ThenBy(r => r.Input))
            {
                var freed = box.Without(data.Inputs, weakest.Input);
                var step = PrimStep.Of(data, steps.Count, PrimStage.Drop, freed, data.Members(freed, active));
                if (settings.Density is { } level && step.Density < level) continue;
                dropped.Add(weakest);
                wider = step;
                break;
            }
            if (wider is null) break;
            steps.Add(wider);
        }
        bool significant = restrictions.Any(r => r.QuasiP <= settings.Significance);
        return significant
            ? new PrimRound(number, steps, peel.Count, picked, restrictions, dropped, searched, searchedInteresting, true, null)
            : Rejected(steps, picked, restrictions, dropped, PrimStop.NotSignificant);
    }
}
