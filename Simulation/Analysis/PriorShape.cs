namespace TrustSim.Analysis;

/// <summary>Families of <see cref="BoundedPrior"/>.</summary>
internal enum PriorShape { Uniform, LogUniform, Normal, Beta }
