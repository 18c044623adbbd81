using ContentPipeline.Hosting;

namespace ContentPipeline.Templates;

/// <summary>What one feature renders with Liquid: the templates it needs (checked at start) and the types its templates may read.</summary>
public sealed record TemplateUse(IReadOnlyList<string> Templates, IReadOnlyList<Type> ViewTypes);

public static class TemplatesExtensions
{
    /// <summary>Every template under templates/, parsed once at start; each feature declares its own with <see cref="AddTemplateUse"/>.</summary>
    public static IHostApplicationBuilder AddTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new TemplateStore(sp.GetRequiredService<ContentRoot>().Resolve("templates"),
            sp.GetServices<TemplateUse>().SelectMany(u => u.ViewTypes).Distinct()));
        builder.Services.AddHostedService<TemplateCheck>();
        return builder;
    }

    /// <summary>Declares the templates a feature needs and the types they read (only those are visible to templates).</summary>
    public static IServiceCollection AddTemplateUse(this IServiceCollection services, string[] templates, params Type[] viewTypes) =>
        services.AddSingleton(new TemplateUse(templates, viewTypes));

    /// <summary>Fails the start when a template is missing, instead of the first send.</summary>
    private sealed class TemplateCheck(TemplateStore store, IEnumerable<TemplateUse> uses) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var missing = uses.SelectMany(u => u.Templates).Distinct().Where(name => !store.Has(name)).ToList();
            return missing.Count == 0 ? Task.CompletedTask
                : throw new StartupException($"Missing template(s) in templates/: {string.Join(", ", missing)}");
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
