using System.Reflection;

namespace TrustSim.Scenarios;

/// <summary>One key of a scenario section: its snake_case name, the property it sets and its description.</summary>
internal sealed record ScenarioKey(string Name, PropertyInfo Property, ParameterAttribute? Parameter)
{
    public Type Type => Property.PropertyType;
}
