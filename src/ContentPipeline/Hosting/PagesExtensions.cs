namespace ContentPipeline.Hosting;

public static class PagesExtensions
{
    /// <summary>Server-rendered Razor Pages from every feature folder (Admin/, Archive/); each page names its own route.</summary>
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/")
            // Named explicitly: under a test runner the entry assembly (where MVC looks by default) is the runner's.
            .AddApplicationPart(typeof(PagesExtensions).Assembly);
        return builder;
    }
}
