namespace TrustSim.Core;

/// <summary>
/// Derives every seed of an experiment from its master seed by a fixed mixing function, so a
/// run's draws depend on (master seed, design point, replication, stream) and on nothing else:
/// not on worker count, shard split or order of execution. The mixing wraps around 2^64 by
/// design, so its arithmetic is unchecked even where the build traps overflow (Debug, the tests).
/// </summary>
internal static class SeedSequence
{
    /// <summary>
    /// Every random stream derived from a seed, each listed here once. Each member's number is
    /// mixed into its seeds, so it must never change (that would change every result drawn from
    /// it), and adding a stream never shifts the others. A retired stream's number stays taken:
    /// reusing it would give a new purpose the draws old results were made with.
    /// </summary>
    public enum Stream : ulong
    {
        // Inside a run, from the run seed (For, ForChunk). One stream per purpose, so that changing
        // one part of a scenario (say the number of institutions) leaves the others' draws alone.

        // 1 was Population: institutions' attributes, the dealing of customers and users' attributes
        // from one stream, so a scenario with another number of institutions shifted every user's
        // draws. Retired by UserAttributes, Dealing, BankAttributes and PaymentAttributes; never reuse 1.

        /// <summary>Initialization: the Watts-Strogatz network over the users (network influence only).</summary>
        Network = 2,

        /// <summary>Phase 2: random scandals, their count, type and salience.</summary>
        Events = 3,

        /// <summary>Phase 3: whether a breach happens and how many people it affects.</summary>
        Breaches = 4,

        /// <summary>Phase 5: the users' draws, one stream per chunk of users (<see cref="ForChunk"/>).</summary>
        Users = 5,

        /// <summary>Phase 6: institutions' review draws and mode choices.</summary>
        Institutions = 6,

        /// <summary>Initialization: each user's concern and trust offset, user by user in the order users are drawn.</summary>
        UserAttributes = 8,

        /// <summary>Initialization: the dealing of users to institutions (a chain of binomials over the institutions).</summary>
        Dealing = 9,

        /// <summary>Initialization: generated banks' theta and rho, bank by bank (Bank 1, Bank 2, ...).</summary>
        BankAttributes = 10,

        /// <summary>Initialization: generated payment firms' theta and rho, firm by firm (Payment firm 1, 2, ...).</summary>
        PaymentAttributes = 11,

        // From the master seed of an experiment, apart from every run's:

        /// <summary>A sweep's design points (random points, Latin strata, Sobol scrambling, Morris starts), with <see cref="For"/>.</summary>
        Design = 7,

        /// <summary>
        /// A calibration's Latin hypercube of starting points, with <see cref="ExperimentSeed"/>. The
        /// number spells "LHS!" in ASCII; as a design point it lies beyond any sweep's (1.28e9
        /// points), so the seed is no run's.
        /// </summary>
        CalibrationStarts = 0x4C485321,

        /// <summary>
        /// A posterior calibration's chains, with <see cref="ExperimentSeed"/>: <see cref="For"/> gives the Latin
        /// hypercube of their starting points and <see cref="ForChunk"/> chunk k the proposals and acceptance
        /// draws of chain k. The number spells "MCMC" in ASCII, beyond any sweep's design points.
        /// </summary>
        CalibrationChains = 0x4D434D43,

        /// <summary>
        /// A posterior calibration's checks, with <see cref="ExperimentSeed"/>: <see cref="ForChunk"/> chunk 0 the
        /// Latin hypercube of the identifiability check, chunk 1 the choice of draws for the posterior
        /// predictive and their observation noise. The number spells "CHKS" in ASCII.
        /// </summary>
        CalibrationChecks = 0x43484B53,
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood 2014): advances the state and returns a well-mixed value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>The seed of one replication at one design point.</summary>
    public static ulong RunSeed(ulong masterSeed, long point, long replication)
    {
        unchecked
        {
            var x = Mix(masterSeed ^ 0x5DEECE66DUL);
            x = Mix(x + 0x9E3779B97F4A7C15UL * (ulong)(point + 1));
            return Mix(x + 0xD1B54A32D192ED03UL * (ulong)(replication + 1));
        }
    }

    /// <summary>
    /// The seed of an experiment-level <paramref name="stream"/> of <paramref name="masterSeed"/>:
    /// that of replication 0 at the design point numbered as the stream, so it passes through the
    /// same mixing as every run seed.
    /// </summary>
    public static ulong ExperimentSeed(ulong masterSeed, Stream stream) => RunSeed(masterSeed, (long)stream, 0);

    /// <summary>
    /// The seed of the bootstrap behind metric <paramref name="metric"/>'s sensitivity indices: that of
    /// replication 0 at design point <paramref name="metric"/>, which <c>Bootstrap.Stream</c> salts so
    /// its draws differ from that run's.
    /// </summary>
    public static ulong SensitivityBootstrapSeed(ulong masterSeed, int metric) => RunSeed(masterSeed, metric, 0);

    /// <summary>
    /// The seed of a threshold search's bootstrap interval: that of replication 0 at design point
    /// -1, which no evaluation uses (evaluations are points 0, 1, ...).
    /// </summary>
    public static ulong ThresholdBootstrapSeed(ulong masterSeed) => RunSeed(masterSeed, -1, 0);

    /// <summary>The generator of one named stream inside a run (or, for <see cref="Stream.Design"/>, of an experiment).</summary>
    public static RandomStream For(ulong runSeed, Stream stream) =>
        new(Mix(unchecked(runSeed + 0xA0761D6478BD642FUL * (ulong)stream)));

    /// <summary>
    /// The generator of chunk <paramref name="chunk"/> of a stream that is split over users in
    /// fixed chunks, so each chunk draws the same numbers whichever thread runs it.
    /// </summary>
    public static RandomStream ForChunk(ulong runSeed, Stream stream, int chunk) =>
        new(Mix(unchecked(Mix(runSeed + 0xA0761D6478BD642FUL * (ulong)stream) + 0xE7037ED1A0B428DBUL * (ulong)(chunk + 1))));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
