using System.CommandLine;
using ContentPipeline.Hosting;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Cli;

/// <summary>
/// The commands of the one executable. Settings can be given after any command as --Section:Key=value
/// (or --Section:Key value); they override appsettings.json and environment variables.
/// </summary>
public sealed class CommandLine(Action<IHostApplicationBuilder, HostRole> addFeatures, Action<WebApplication> mapEndpoints)
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Show informational logs on stderr", Recursive = true };

    /// <summary>Hook for tests: the content root and extra settings of every host the commands build.</summary>
    public ContentRoot? Root { get; init; }
    public Action<IHostApplicationBuilder>? Configure { get; init; }

    public async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var (commandArgs, configArgs) = SplitSettings(args);
        if (commandArgs.Length == 0 || (commandArgs[0].StartsWith('-') && commandArgs[0] is not ("-h" or "--help" or "-?" or "--version")))
            commandArgs = ["serve", .. commandArgs];

        var root = new RootCommand("ContentPipeline: news articles in; a newsletter, a podcast-script draft and its delivery out.")
        {
            ServeCommand.Create(this, configArgs),
            IngestCommand.Create(this, configArgs),
            SubscribersCommand.Create(this, configArgs),
            DigestCommand.Create(this, configArgs),
            SummarizeCommand.Create(this, configArgs),
            IssuesCommand.Create(this, configArgs),
            SourcesCommand.Create(this, configArgs),
            DemoCommand.Create(this, configArgs),
        };
        root.Options.Add(Verbose);
        var invocation = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(commandArgs).InvokeAsync(invocation);
        }
        catch (OptionsValidationException e)
        {
            await invocation.Error.WriteLineAsync($"configuration error: {string.Join("; ", e.Failures)}");
            return 2;
        }
        catch (StartupException e)
        {
            await invocation.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never an unhandled exception: one line for the user, the stack with --verbose.
            var verbose = args.Contains("--verbose") || args.Contains("-v");
            await invocation.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}{(verbose ? Environment.NewLine + e : "")}");
            return 1;
        }
    }

    internal WebApplication BuildWeb(string[] hostArgs) => AppHost.BuildWeb(hostArgs, addFeatures, mapEndpoints, Root, Configure);

    internal IHost BuildCli(string[] configArgs, bool jobServer, bool verbose) =>
        AppHost.BuildCli(configArgs, jobServer, verbose, addFeatures, Root, Configure);

    /// <summary>Where the messages went, for the user to look.</summary>
    internal string DescribeOutbox(IServiceProvider services)
    {
        var delivery = services.GetRequiredService<IOptions<Delivery.DeliveryOptions>>().Value;
        return delivery.Mode == Delivery.DeliveryMode.Pickup
            ? $"messages: {services.GetRequiredService<ContentRoot>().Resolve(delivery.PickupDirectory)} (one .eml file per subscriber)"
            : $"messages: sent through {services.GetRequiredService<IOptions<Delivery.SmtpOptions>>().Value.Host}";
    }

    /// <summary>Separates --Section:Key[=value] settings from the command's own arguments.</summary>
    internal static (string[] Command, string[] Settings) SplitSettings(string[] args)
    {
        var command = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var colon = arg.IndexOf(':');
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && colon > 2 && (equals == -1 || equals > colon))
            {
                settings.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Length) settings.Add(args[++i]);
            }
            else command.Add(arg);
        }
        return (command.ToArray(), settings.ToArray());
    }
}
