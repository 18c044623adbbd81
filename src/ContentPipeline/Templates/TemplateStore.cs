using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using ContentPipeline.Hosting;
using Fluid;

namespace ContentPipeline.Templates;

/// <summary>
/// Every Liquid template under templates/, parsed once at start with one shared parser: a broken
/// template stops the host with its file name and the parser's message, not the first send.
/// </summary>
public sealed partial class TemplateStore
{
    private static readonly FluidParser Parser = new();
    private readonly Dictionary<string, LoadedTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    public TemplateStore(string directory, IEnumerable<Type> modelTypes)
    {
        if (!Directory.Exists(directory))
            throw new StartupException($"Template folder {directory} does not exist.");

        _options = new TemplateOptions();
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in modelTypes) _options.MemberAccessStrategy.Register(type);

        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var source = File.ReadAllText(file);
            if (Parser.TryParse(source, out var template, out var error))
                _templates[name] = new LoadedTemplate(template, ReadVersion(source) ?? "1");
            else
                errors.Add($"{Path.Combine(directory, name)}: {error}");
        }
        if (errors.Count > 0)
            throw new StartupException("Templates do not parse:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    /// <summary>The version written in the template's first line as {% comment %}version: X{% endcomment %}.</summary>
    public string VersionOf(string name) => Get(name).Version;

    public bool Has(string name) => _templates.ContainsKey(name);

    public string RenderHtml(string name, object model) => Render(name, model, HtmlEncoder.Default);

    public string RenderText(string name, object model) => Render(name, model, NullEncoder.Default);

    private string Render(string name, object model, TextEncoder encoder)
    {
        // A new context per render: contexts hold state and are not thread-safe.
        var context = new TemplateContext(model, _options);
        return Get(name).Template.Render(context, encoder);
    }

    private LoadedTemplate Get(string name) =>
        _templates.TryGetValue(name, out var t) ? t
            : throw new StartupException($"Template {name} is missing from the templates folder.");

    private static string? ReadVersion(string source)
    {
        var match = VersionComment().Match(source);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"\A\s*\{%-?\s*comment\s*-?%\}\s*version:\s*([^\s{]+)")]
    private static partial Regex VersionComment();

    private sealed record LoadedTemplate(IFluidTemplate Template, string Version);
}
