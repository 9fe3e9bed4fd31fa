namespace TrustSim.Analysis;

/// <summary>
/// Where the points of a Morris design sit and how they move: trajectory after trajectory, each of
/// k + 1 points, point s (1..k) differing from point s - 1 by one move. The estimator needs only this,
/// not the parameter values, so it can stay a pure statistic.
/// </summary>
/// <param name="Trajectories">r, the number of trajectories.</param>
/// <param name="Parameters">k, the number of swept parameters.</param>
/// <param name="Moves">r k moves: move s (1..k) of trajectory t is at t k + s - 1.</param>
internal sealed record MorrisLayout(int Trajectories, int Parameters, IReadOnlyList<MorrisMove> Moves)
{
    public int PointsPerTrajectory => Parameters + 1;

    /// <summary>r (k + 1).</summary>
    public int PointCount => Trajectories * PointsPerTrajectory;

    /// <summary>Design point index of point <paramref name="step"/> (0..k) of trajectory <paramref name="trajectory"/>.</summary>
    public int PointIndex(int trajectory, int step) => trajectory * PointsPerTrajectory + step;

    /// <summary>The move from point step - 1 to point <paramref name="step"/> (1..k) of a trajectory.</summary>
    public MorrisMove Move(int trajectory, int step) => Moves[trajectory * Parameters + step - 1];
}
