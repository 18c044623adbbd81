using System.CommandLine;

namespace ContentPipeline.Cli;

internal static class ServeCommand
{
    public static Command Create(CommandLine cli, string[] configArgs)
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5080 (ASP.NET Core's usual setting)" };
        var command = new Command("serve", "Run the web host, the dashboard (/hangfire) and the job server (the default command)")
        {
            urls,
        };
        // ASP.NET Core's own switches (--environment, --contentRoot ...) pass through to the host.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            string[] hostArgs = [.. configArgs, .. result.UnmatchedTokens];
            if (result.GetValue(urls) is { } u) hostArgs = [.. hostArgs, "--urls", u];
            await using var app = cli.BuildWeb(hostArgs);
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
