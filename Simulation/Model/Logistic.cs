using System.Runtime.CompilerServices;

namespace TrustSim.Model;

/// <summary>The logistic function L(z) = 1/(1+e^-z) of the adoption and mode choices.</summary>
internal static class Logistic
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double z) => 1 / (1 + Math.Exp(-z));
}
