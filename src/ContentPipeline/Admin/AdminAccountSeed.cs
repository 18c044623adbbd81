namespace ContentPipeline.Admin;

/// <summary>At start, after the database is migrated: makes sure the configured admin can sign in.</summary>
internal sealed class AdminAccountSeed(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminAccounts>().EnsureConfiguredAdminAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
