using ContentPipeline.Hosting;

namespace ContentPipeline.Podcast;

public static class PodcastExtensions
{
    /// <summary>The show's settings, checked at start, the cover included: a feed without its image is refused by directories.</summary>
    public static IHostApplicationBuilder AddPodcast(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PodcastOptions>().BindConfiguration(PodcastOptions.Section).ValidateDataAnnotations()
            .Validate<ContentRoot>(static (o, root) => File.Exists(root.Resolve(o.Cover)), "Podcast:Cover: the file was not found (relative paths start at the product folder).")
            .ValidateOnStart();
        return builder;
    }
}
