using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>
/// One chain of the adaptive Metropolis sampler (Haario, Saksman and Tamminen 2001) on an unbounded
/// space, with the global proposal scale tuned by Robbins-Monro toward an acceptance rate of 0.234
/// (Andrieu and Thoms 2008, algorithm 4). The proposal is Gaussian around the current point with
/// covariance lambda x C: during warmup C is the chain's own covariance (plus a small ridge), and
/// ln lambda moves by gamma_t (accepted share - 0.234) with gamma_t = (t + 1)^-0.6. After warmup C
/// and lambda are frozen, so the retained draws form a Markov chain with a fixed kernel that leaves
/// the target invariant. The warmup is cut in two windows and the second window's covariance
/// replaces the first's once it has enough draws, so the frozen C is not stretched by the chain's
/// approach from its starting point.
/// </summary>
/// <remarks>
/// The caller owns the target: <see cref="Propose"/> gives a point, the caller evaluates its log
/// density (a model run, which may be interrupted between calls) and hands it to <see cref="Decide"/>.
/// </remarks>
internal sealed class AdaptiveMetropolis
{
    /// <summary>The acceptance rate the scale is tuned toward: optimal for Gaussian-like targets in many dimensions (Roberts, Gelman and Gilks 1997).</summary>
    public const double TargetAcceptance = 0.234;

    /// <summary>Added to the diagonal of C so a chain that has not yet moved in some direction can still move there.</summary>
    private const double Ridge = 1e-8;

    private const double StepDecay = 0.6;

    private readonly RandomStream _random;
    private readonly int _warmup;
    private readonly int _dimension;
    private readonly double[] _current;
    private readonly double[] _noise;
    private readonly int _minimumWindow;
    private double[,] _factor;
    private RunningCovariance _window;
    private double _logScale;

    /// <param name="start">The chain's first point.</param>
    /// <param name="logDensity">The target's log density at <paramref name="start"/> (negative infinity if outside its support).</param>
    /// <param name="initialSteps">Proposal standard deviation per coordinate until the chain has its own covariance.</param>
    /// <param name="warmup">Iterations that adapt the proposal before it is frozen.</param>
    /// <param name="random">The chain's own stream: proposals and acceptance draws come from it alone.</param>
    public AdaptiveMetropolis(IReadOnlyList<double> start, double logDensity, IReadOnlyList<double> initialSteps, int warmup, RandomStream random)
    {
        _dimension = start.Count;
        _current = [.. start];
        _noise = new double[_dimension];
        _warmup = warmup;
        _random = random;
        CurrentLogDensity = logDensity;
        _factor = new double[_dimension, _dimension];
        for (var i = 0; i < _dimension; i++) _factor[i, i] = initialSteps[i];
        _logScale = Math.Log(2.38 * 2.38 / _dimension);
        _minimumWindow = Math.Max(20, 10 * _dimension);
        _window = new RunningCovariance(_dimension);
    }

    /// <summary>Iterations done, warmup included.</summary>
    public int Iteration { get; private set; }

    public bool InWarmup => Iteration < _warmup;

    public IReadOnlyList<double> Current => _current;

    public double CurrentLogDensity { get; private set; }

    /// <summary>Proposals accepted after warmup, of <see cref="Iteration"/> minus the warmup.</summary>
    public int AcceptedAfterWarmup { get; private set; }

    /// <summary>Share of proposals accepted after warmup; NaN before any.</summary>
    public double Acceptance => Iteration > _warmup ? (double)AcceptedAfterWarmup / (Iteration - _warmup) : double.NaN;

    /// <summary>The global scale lambda (frozen after warmup).</summary>
    public double Scale => Math.Exp(_logScale);

    /// <summary>A proposal: the current point plus sqrt(lambda) L e, with L the factor of C and e standard normal.</summary>
    public double[] Propose()
    {
        for (var i = 0; i < _dimension; i++) _noise[i] = _random.NextGaussian();
        var scale = Math.Exp(0.5 * _logScale);
        var proposal = new double[_dimension];
        for (var i = 0; i < _dimension; i++)
        {
            var step = 0.0;
            for (var j = 0; j <= i; j++) step += _factor[i, j] * _noise[j];
            proposal[i] = _current[i] + scale * step;
        }
        return proposal;
    }

    /// <summary>
    /// The Metropolis decision on <paramref name="proposal"/>, whose target log density is
    /// <paramref name="logDensity"/> (NaN counts as outside the support), then the warmup's adaptation.
    /// Returns whether the chain moved.
    /// </summary>
    public bool Decide(double[] proposal, double logDensity)
    {
        // From a point outside the support (density -infinity) any point inside is taken (+infinity);
        // between two points outside it (-infinity minus -infinity is NaN) the chain stays.
        var difference = double.IsNaN(logDensity) ? double.NegativeInfinity : logDensity - CurrentLogDensity;
        if (double.IsNaN(difference)) difference = double.NegativeInfinity;
        var acceptance = difference >= 0 ? 1 : Math.Exp(difference);
        var accepted = _random.NextUnit() < acceptance;
        if (accepted)
        {
            Array.Copy(proposal, _current, _dimension);
            CurrentLogDensity = logDensity;
        }
        if (InWarmup)
            Adapt(acceptance);
        else if (accepted)
            AcceptedAfterWarmup++;
        Iteration++;
        return accepted;
    }

    private void Adapt(double acceptance)
    {
        var gamma = Math.Pow(Iteration + 1, -StepDecay);
        _logScale += gamma * (acceptance - TargetAcceptance);
        // The second window starts afresh: the first holds the approach from the start point.
        if (Iteration == _warmup / 2) _window = new RunningCovariance(_dimension);
        _window.Add(_current);
        if (!SharesCovariance && _window.Count >= _minimumWindow && _window.Factor(Ridge) is { } factor)
            _factor = factor;
    }

    /// <summary>
    /// True when the proposal covariance comes from all chains' windows together (<see cref="Share"/>)
    /// rather than from this chain's own.
    /// </summary>
    public bool SharesCovariance { get; init; }

    /// <summary>
    /// Inter-chain adaptation (Craiu, Rosenthal and Yang 2009): gives every chain still in warmup the
    /// covariance of the current windows of all <paramref name="chains"/> pooled, so chains started
    /// apart learn the posterior's full extent rather than the corner each has seen. Call it between
    /// blocks, when every chain has done the same iterations, so the result does not depend on timing.
    /// </summary>
    public static void Share(IReadOnlyList<AdaptiveMetropolis> chains)
    {
        var warming = chains.Where(c => c.InWarmup && c.SharesCovariance).ToList();
        if (warming.Count == 0) return;
        var pooled = RunningCovariance.Pool(warming.Select(c => c._window).ToList());
        if (pooled.Count >= warming[0]._minimumWindow * warming.Count && pooled.Factor(Ridge) is { } factor)
        {
            foreach (var chain in warming) chain._factor = factor;
        }
    }
}
