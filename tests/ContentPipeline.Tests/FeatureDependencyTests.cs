using System.Reflection;
using System.Reflection.Emit;

namespace ContentPipeline.Tests;

/// <summary>
/// Dependencies between feature folders point one way: no two features import each other, directly or round a loop.
/// Read from the compiled assembly, method bodies included (a call, a field, a type test), so a reference written
/// without a using is seen too.
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly Assembly Product = typeof(Program).Assembly;

    [Fact]
    public void NoFeatureFolders_DependOnEachOtherInALoop()
    {
        var graph = FeatureGraph();
        Assert.True(graph.Count > 10, $"expected the feature folders, found {string.Join(", ", graph.Keys)}");

        var loops = StronglyConnected(graph).Where(c => c.Count > 1).ToList();

        Assert.True(loops.Count == 0, string.Join("\n", loops.Select(loop => "a loop: " + string.Join(", ",
            loop.SelectMany(from => graph[from].Where(e => loop.Contains(e.Key)).Select(e => $"{from} -> {e.Key} ({e.Value})"))))));
    }

    [Fact]
    public void TheIssuesFeature_KnowsNoStage_AndJobsKnowsNoFeature()
    {
        var graph = FeatureGraph();

        Assert.Empty(graph["Issues"].Keys.Except(["Data", "Hosting", "Jobs"]));
        Assert.Empty(graph["Jobs"].Keys.Except(["Data", "Hosting"]));
        Assert.Contains("Issues", graph["Summaries"].Keys); // the check sees real references
    }

    /// <summary>Feature → the features it uses, each with one type that shows it.</summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in Product.GetTypes())
        {
            if (Feature(type) is not { } from) continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in References(type))
                if (Feature(used) is { } to && to != from) edges.TryAdd(to, $"{type.FullName} uses {used.FullName}");
        }
        return graph;
    }

    /// <summary>ContentPipeline.X or ContentPipeline.X.Y → X; the root namespace (Program) and generated views are no feature.</summary>
    private static string? Feature(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith("ContentPipeline.", StringComparison.Ordinal) || type.Assembly != Product) return null;
        return ns["ContentPipeline.".Length..].Split('.')[0];
    }

    private static IEnumerable<Type> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(all)) Add(f.FieldType);
        foreach (var p in type.GetProperties(all)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo info) Add(info.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyReferences(m)) Add(t);
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body names: every token operand of its IL (calls, fields, types, ldtoken).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            yield break;
        }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                Type? used = null;
                try
                {
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    used = member as Type ?? member?.DeclaringType;
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException)
                {
                    // A token into a generic context this reader does not model: it names no feature type of ours.
                }
                if (used is not null) yield return used;
            }
            i += size;
        }
    }

    /// <summary>Tarjan's algorithm: the groups of features that reach each other.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            foreach (var w in graph.GetValueOrDefault(v)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!indices.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); group.Add(x); } while (x != v);
            result.Add(group);
        }
        foreach (var v in graph.Keys.ToList()) if (!indices.ContainsKey(v)) Visit(v);
        return result;
    }
}
