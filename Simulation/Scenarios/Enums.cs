namespace TrustSim.Scenarios;

/// <summary>Length of one simulation step.</summary>
internal enum StepUnit { Week, Month }

/// <summary>Who a user's peers are: the other customers of its institution, or its network neighbours.</summary>
internal enum InfluenceKind { Institution, Network }

/// <summary>Kinds of reputation events. Commitment is the one positive kind.</summary>
internal enum ShockType { Misuse, Hack, Misinformation, Hearing, Fine, Commitment }

/// <summary>What a regulator can do to the platform and its partners.</summary>
internal enum InterventionType { Fine, MandateSafeguards, BanFullMode, Warning }

/// <summary>Banks are privacy-sensitive and regulated; payment firms less so.</summary>
internal enum InstitutionType { Bank, Payment }

/// <summary>How an institution partners with the platform's messenger.</summary>
internal enum PartnershipMode { None = 0, Limited = 1, Full = 2 }

/// <summary>Families of random distributions a scenario can name.</summary>
internal enum DistributionKind { Constant, Uniform, Normal, Beta, LogUniform }

/// <summary>
/// How an institution forms its expected adoption Ahat (docs/ODD.md, Mode choice): as if every
/// customer were aware, scaled by the share aware now, or scaled by a discount learned from its
/// own and its peers' experience. Each is a submodel class registered in Model/Expectations.
/// </summary>
internal enum ExpectationRule { Foresight, Awareness, Learning }

/// <summary>
/// How <c>trustsim calibrate</c> fits: a posterior distribution drawn by adaptive Metropolis chains,
/// or a single best point found by Nelder-Mead (the method before issue 17).
/// </summary>
internal enum CalibrationMethod { Posterior, Optimize }

/// <summary>Families of prior for a calibrated parameter; each is confined to the parameter's [min, max].</summary>
internal enum PriorKind { Uniform, LogUniform, Normal, Beta }

/// <summary>
/// Where a posterior calibration's chains move: in the logit space of each parameter's range (unbounded,
/// every proposal valid), or on each parameter's own scale (linear, or log when <c>log: true</c>) within its
/// bounds, where a proposal outside them is refused without running the model.
/// </summary>
internal enum SamplingSpace { Logit, Bounded }
