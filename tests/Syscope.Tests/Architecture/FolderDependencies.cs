using System.Reflection;
using System.Reflection.Emit;

namespace Syscope.Tests.Architecture;

/// <summary>
/// Which top-level folders (namespaces under Syscope.) of an assembly use which, read from the
/// compiled code: base types, interfaces, fields, signatures, attributes, and every type, field and
/// method token in the IL of every method.  Constants are inlined by the compiler and so are not
/// seen; everything else is.  Nested and compiler-generated types count for the folder they are in.
/// </summary>
public static class FolderDependencies
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                                     | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>For each folder: the other folders it uses, with one example of each use.</summary>
    public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly, string rootNamespace)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in assembly.GetTypes())
        {
            string? from = FolderOf(type, rootNamespace);
            if (from == null) continue;
            void Use(Type? used, string what)
            {
                foreach (var t in Flatten(used))
                {
                    string? to = FolderOf(t, rootNamespace);
                    if (to == null || to == from) continue;
                    if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = [];
                    edges.TryAdd(to, $"{type.FullName} {what} {t.FullName}");
                }
            }
            Use(type.BaseType, "derives from");
            foreach (var i in type.GetInterfaces()) Use(i, "implements");
            foreach (var f in type.GetFields(All)) Use(f.FieldType, $"field {f.Name} is");
            foreach (var p in type.GetProperties(All)) Use(p.PropertyType, $"property {p.Name} is");
            foreach (var a in type.GetCustomAttributesData()) Use(a.AttributeType, "has attribute");
            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi) Use(mi.ReturnType, $"{m.Name} returns");
                foreach (var p in m.GetParameters()) Use(p.ParameterType, $"{m.Name} takes");
                var body = m.GetMethodBody();
                if (body == null) continue;
                foreach (var local in body.LocalVariables) Use(local.LocalType, $"{m.Name} has a local");
                foreach (var used in TokensIn(m, body.GetILAsByteArray() ?? [])) Use(used, $"{m.Name} uses");
            }
        }
        return graph;
    }

    private static string? FolderOf(Type type, string rootNamespace)
    {
        string? ns = type.Namespace;
        if (ns == null || !ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)) return null;
        string rest = ns[(rootNamespace.Length + 1)..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type == null) yield break;
        if (type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType())) yield return t;
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
            foreach (var arg in type.GetGenericArguments())
                foreach (var t in Flatten(arg)) yield return t;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The declaring types of every member and type token in a method's IL.</summary>
    private static IEnumerable<Type> TokensIn(MethodBase method, byte[] il)
    {
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var found = new List<Type>();
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op)) break;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineType or OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, i);
                    i += 4;
                    try
                    {
                        var member = module.ResolveMember(token, typeArgs, methodArgs);
                        if (member is Type t) found.Add(t);
                        else if (member?.DeclaringType != null) found.Add(member.DeclaringType);
                        if (member is FieldInfo f) found.Add(f.FieldType);
                        if (member is MethodInfo m)
                        {
                            found.Add(m.ReturnType);
                            if (m.IsGenericMethod) found.AddRange(m.GetGenericArguments());
                        }
                    }
                    catch (ArgumentException) { }   // a token of another module's generic context
                    break;
                default: i += 4; break;
            }
        }
        return found;
    }
}
