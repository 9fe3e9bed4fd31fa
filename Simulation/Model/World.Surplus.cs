using System.Runtime.CompilerServices;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Model;

internal sealed partial class World
{
    private SurplusTerms? _surplusTerms;

    /// <summary>
    /// The mean over all users of mu_u * ln(1 + exp(V_i / mu_u)) for aware customers of partners:
    /// per institution, its aware customers times the mean surplus over all its customers (awareness
    /// never depends on concern or offset, so this is the aware customers' sum in expectation), at
    /// this step's R, the mode after phase 6 and the adoption share after phase 5.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MeanUserSurplus()
    {
        var terms = _surplusTerms ??= new SurplusTerms(this);
        terms.Choice = UserChoice.From(_scenario.Users);
        Users.RunOnThreads(terms, Institutions.Count);
        // Summed in institution order, whichever thread took which term.
        var sum = 0.0;
        foreach (var term in terms.Terms) sum += term;
        return sum / Math.Max(1, Users.Count);
    }

    /// <summary>
    /// One institution's term of the users' surplus per chunk. Each term is one outlook call (bins,
    /// not users), but every partner's is taken every step: on one thread that is serial work the
    /// other threads would wait through, so the terms are spread over the run's threads. The
    /// outlook may build finer bins for an institution on first need; only that institution's
    /// chunk touches them.
    /// </summary>
    private sealed class SurplusTerms(World world) : IChunkWork
    {
        private readonly double[] _terms = new double[world.Institutions.Count];
        private readonly OutlookMemo _surplus = new(world.Users.Outlook, world.Institutions.Count, surplus: true);

        public UserChoice Choice { get; set; }

        public ReadOnlySpan<double> Terms => _terms;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RunChunk(int chunk)
        {
            var j = chunk;
            var aware = world.Users.Aware(j);
            var mode = world.Institutions.Modes[j];
            if (aware == 0 || mode == PartnershipMode.None)
            {
                _terms[j] = 0;
                return;
            }
            var m = world._scenario.Modes.For(mode);
            _terms[j] = aware * _surplus.Ask(j, j, Choice, m.Benefit, m.Exposure, world.Platform.Reputation, world.Users.AdoptionShare(j));
        }
    }
}
