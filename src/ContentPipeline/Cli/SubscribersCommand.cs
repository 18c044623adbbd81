using System.CommandLine;
using System.Text.Json;
using ContentPipeline.Data;
using ContentPipeline.Subscribers;

namespace ContentPipeline.Cli;

/// <summary>subscribers add &lt;email&gt; [--name NAME]; subscribers list [--json]; subscribers import / export.</summary>
internal static class SubscribersCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandLine cli, string[] configArgs) =>
        new("subscribers", "Manage subscribers")
        {
            Add(cli, configArgs), List(cli, configArgs),
            SubscribersTransferCommands.Import(cli, configArgs), SubscribersTransferCommands.Export(cli, configArgs),
        };

    private static Command Add(CommandLine cli, string[] configArgs)
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address" };
        var name = new Option<string?>("--name") { Description = "The subscriber's name, used in greetings" };
        var command = new Command("add", "Add an active subscriber (an admin's add needs no confirmation)") { email, name };
        command.SetAction(async (result, ct) =>
        {
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<SubscriberRegistry>()
                .AddAsync(result.GetValue(email)!, result.GetValue(name), "cli", SubscriberStatus.Active, ct);
            var output = result.InvocationConfiguration.Output;
            if (added.Error is not null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: {added.Error}");
                return 1;
            }
            var s = added.Subscriber!;
            await output.WriteLineAsync(added.Created
                ? $"ok added subscriber #{s.Id} {s.Email}"
                : $"ok {s.Email} is already subscriber #{s.Id} ({s.Status.ToString().ToLowerInvariant()})");
            return 0;
        });
        return command;
    }

    private static Command List(CommandLine cli, string[] configArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per subscriber" };
        var command = new Command("list", "List subscribers") { json };
        command.SetAction(async (result, ct) =>
        {
            using var host = cli.BuildCli(configArgs, jobServer: false, result.GetValue(CommandLine.Verbose));
            await host.StartAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var subscribers = await scope.ServiceProvider.GetRequiredService<SubscriberRegistry>().ListAsync(ct);
            var output = result.InvocationConfiguration.Output;
            foreach (var s in subscribers)
            {
                var status = s.Status.ToString().ToLowerInvariant();
                await output.WriteLineAsync(result.GetValue(json)
                    ? JsonSerializer.Serialize(new { id = s.Id, email = s.Email, name = s.Name, status, source = s.Origin, createdAt = s.CreatedAt }, Json)
                    : $"{s.Id,6}  {s.Email,-40} {status,-12} {s.Name}");
            }
            if (!result.GetValue(json) && subscribers.Count == 0) await output.WriteLineAsync("no subscribers yet: add one with `subscribers add <email>`");
            return 0;
        });
        return command;
    }
}
