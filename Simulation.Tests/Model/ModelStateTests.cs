using System.Reflection;
using TrustSim.Model;

namespace TrustSim.Tests.Model;

/// <summary>
/// The model's state moves only inside its own types, in the step's phases: no model type hands
/// out an array (which any reader could write into) from a public property or field; readers get
/// read-only spans or values.
/// </summary>
public sealed class ModelStateTests
{
    [Fact]
    public void PublicMembers_ModelTypes_ExposeNoArrays()
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = typeof(World).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(World).Namespace && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .SelectMany(t => t.GetProperties(Public).Select(p => (t, p.Name, Type: p.PropertyType))
                .Concat(t.GetFields(Public).Select(f => (t, f.Name, Type: f.FieldType))))
            .Where(m => m.Type.IsArray)
            .Select(m => $"{m.t.Name}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    // The scan sees the members it must judge: it would have caught Institutions.Modes as an array.
    [Fact]
    public void PublicMembers_Institutions_StateIsReadOnlySpans()
    {
        foreach (var name in new[] { "Modes", "Reputation", "Welfare", "Switches", "SwitchedThisStep" })
        {
            var property = typeof(Institutions).GetProperty(name);
            Assert.NotNull(property);
            Assert.Equal(typeof(ReadOnlySpan<>), property!.PropertyType.GetGenericTypeDefinition());
        }
    }
}
