namespace TrustSim.Model;

/// <summary>Where the world reports what happened; the engine's recorder dates and stores it.</summary>
internal interface IEventLog
{
    void Add(int step, in WorldEvent what);
}
