using Microsoft.Extensions.Logging.Console;

namespace ContentPipeline.Hosting;

/// <summary>
/// Builds the two kinds of host over the same features: the web host (serve) and a host without a web
/// server for the command line. Tests build them the same way, with a hook for their own settings.
/// </summary>
public static class AppHost
{
    /// <summary>
    /// appsettings.json is read at start, not watched: the file watcher behind reloading watches the whole product
    /// folder, data/ included, so every database write and every .eml in the outbox cost an event to sift through.
    /// Settings are validated at start anyway; restart to change them. A later argument can turn it back on.
    /// </summary>
    private const string NoReload = "--hostBuilder:reloadConfigOnChange=false";

    public static WebApplication BuildWeb(string[] args, Action<IHostApplicationBuilder, HostRole> addFeatures, Action<WebApplication> mapEndpoints,
        ContentRoot? root = null, Action<IHostApplicationBuilder>? configure = null)
    {
        root ??= ContentRoot.Find();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [NoReload, .. args], ContentRootPath = root.Path });
        builder.Services.AddSingleton(root);
        configure?.Invoke(builder);
        addFeatures(builder, HostRole.Serve);
        var app = builder.Build();
        mapEndpoints(app);
        return app;
    }

    public static IHost BuildCli(string[] configArgs, bool jobServer, bool verbose, Action<IHostApplicationBuilder, HostRole> addFeatures,
        ContentRoot? root = null, Action<IHostApplicationBuilder>? configure = null)
    {
        root ??= ContentRoot.Find();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [NoReload, .. configArgs], ContentRootPath = root.Path });
        builder.Services.AddSingleton(root);
        // Command output goes to stdout; logs go to stderr, warnings only unless --verbose.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, verbose ? LogLevel.Information : LogLevel.Warning);
        // Keys sit unencrypted in data/keys by design (the folder is the deployment's secret); do not warn on every command.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        configure?.Invoke(builder);
        addFeatures(builder, HostRole.Tool(runsJobs: jobServer));
        return builder.Build();
    }
}
