using System.Collections;
using System.Reflection;
using ContentPipeline.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ContentPipeline.Tests;

/// <summary>
/// One source of truth for settings: every options class's code defaults equal what appsettings.json says, so a
/// missing key means what the file documents. A collection's default is empty in the class (binding appends to a
/// non-empty one) and its effective default is the class's static Default{Name}, which the file must equal too.
/// </summary>
public sealed class AppSettingsTests
{
    private static readonly IConfiguration File = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(TestRoot.RepositoryRoot, "appsettings.json"), optional: false, reloadOnChange: false).Build();

    public static TheoryData<Type> OptionsTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)
                     && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true }).OrderBy(t => t.Name))
            data.Add(type);
        return data;
    }

    [Fact]
    public void EveryOptionsClass_IsFound()
    {
        Assert.True(OptionsTypes().Count >= 14, $"found {OptionsTypes().Count} options classes");
    }

    [Theory]
    [MemberData(nameof(OptionsTypes))]
    public void TheCodeDefaults_EqualAppSettingsJson(Type type)
    {
        var section = (string)type.GetField("Section")!.GetValue(null)!;
        var defaults = Activator.CreateInstance(type)!;
        var bound = File.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
        var differences = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var inCode = property.GetValue(defaults);
            var inFile = property.GetValue(bound);
            if (inCode is IEnumerable codeItems and not string)
            {
                Assert.False(codeItems.Cast<object>().Any(), $"{section}:{property.Name}: a collection's default in code must be empty (binding appends to it)");
                var effective = type.GetField($"Default{property.Name}", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable;
                if (!Same(effective?.Cast<object>() ?? [], ((IEnumerable)inFile!).Cast<object>()))
                    differences.Add($"{section}:{property.Name}: code {Show(effective)}, appsettings.json {Show((IEnumerable)inFile!)}");
            }
            else if (!Equals(inCode, inFile) && !(inCode is null or "" && inFile is null or "")) differences.Add($"{section}:{property.Name}: code '{inCode}', appsettings.json '{inFile}'");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static bool Same(IEnumerable<object> a, IEnumerable<object> b) => a.Select(Show1).SequenceEqual(b.Select(Show1));

    private static string Show1(object item) => item is DictionaryEntry e ? $"{e.Key}={e.Value}" : item.ToString() ?? "";

    private static string Show(IEnumerable? items) => "[" + string.Join(", ", (items?.Cast<object>() ?? []).Select(Show1)) + "]";
}
