using TrustSim.Model;

namespace TrustSim.Engine;

/// <summary>
/// A look into one run's step loop, so a measurement (the benchmark) runs the very loop of
/// <see cref="Simulator"/> instead of a copy that could drift from it. Called on the run's own thread.
/// </summary>
internal interface IStepHook
{
    /// <summary>The world is built and step 0 recorded; stepping starts next.</summary>
    void Built(World world, Recorder recorder);

    /// <summary>Just before <see cref="World.Step"/> of step <paramref name="step"/>.</summary>
    void Stepping(int step);

    /// <summary>Just after <see cref="World.Step"/> of step <paramref name="step"/>, before the step is recorded.</summary>
    void Stepped(int step);

    /// <summary>The last step is recorded; nothing of the run is summed up yet.</summary>
    void Finished();
}
