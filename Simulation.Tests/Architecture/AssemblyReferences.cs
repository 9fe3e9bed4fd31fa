using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TrustSim.Tests.Architecture;

/// <summary>
/// What each type of the compiled tool refers to: base types, interfaces, fields, signatures,
/// locals, attributes and every type, method and field named in method bodies. Read from the
/// assembly rather than the sources, so a fully qualified name or a global using cannot hide an
/// arrow. Compiler-generated types (lambdas, iterators, async state machines) count as the type
/// they were written in.
/// </summary>
internal static class AssemblyReferences
{
    /// <summary>One use of <see cref="Target"/> (a full type name) by <see cref="User"/> (a top-level type).</summary>
    public sealed record Use(TypeDefinition User, string TargetNamespace, string Target);

    public static ModuleDefinition Load() =>
        ModuleDefinition.ReadModule(typeof(TrustSim.Cli.TrustSimApp).Assembly.Location);

    /// <summary>The top-level type a (possibly nested or generated) type was written in.</summary>
    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    public static IEnumerable<Use> Uses(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var user = Outermost(type);
            foreach (var target in TypesNamedBy(type))
            {
                var t = Element(target);
                yield return new Use(user, NamespaceOf(t), t.FullName);
            }
            foreach (var method in MethodsNamedBy(type))
                yield return new Use(user, NamespaceOf(Element(method.DeclaringType)), method.DeclaringType.FullName + "::" + method.Name);
        }
    }

    /// <summary>A nested type's namespace is its declaring type's; arrays, pointers and generics count as their element.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace;
    }

    private static TypeReference Element(TypeReference type)
    {
        while (type is TypeSpecification spec and not GenericInstanceType) type = spec.ElementType;
        return type is GenericInstanceType g ? g.ElementType : type;
    }

    private static IEnumerable<TypeReference> TypesNamedBy(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            if (t is null) return;
            found.Add(t);
            if (t is GenericInstanceType g) foreach (var a in g.GenericArguments) Add(a);
            if (t is TypeSpecification s) Add(s.ElementType);
        }
        void Attributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(x => x.Argument)))
                    if (arg.Value is TypeReference tr) Add(tr);
            }
        }
        Add(type.BaseType);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        Attributes(type);
        foreach (var f in type.Fields) { Add(f.FieldType); Attributes(f); }
        foreach (var p in type.Properties) { Add(p.PropertyType); Attributes(p); }
        foreach (var g in type.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType);
        foreach (var m in type.Methods)
        {
            Attributes(m);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) { Add(p.ParameterType); Attributes(p); }
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (var ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference mr:
                        Add(mr.DeclaringType); Add(mr.ReturnType);
                        foreach (var p in mr.Parameters) Add(p.ParameterType);
                        if (mr is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) Add(a);
                        break;
                    case FieldReference fr: Add(fr.DeclaringType); Add(fr.FieldType); break;
                }
            }
        }
        return found;
    }

    private static IEnumerable<MethodReference> MethodsNamedBy(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode.OperandType == OperandType.InlineMethod || i.OpCode.OperandType == OperandType.InlineTok)
            .Select(i => i.Operand).OfType<MethodReference>();
}
