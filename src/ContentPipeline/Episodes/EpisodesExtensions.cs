namespace ContentPipeline.Episodes;

public static class EpisodesExtensions
{
    /// <summary>The podcast episode of an issue: its renderer and its job. The voice it speaks with is AddSpeech's.</summary>
    public static IHostApplicationBuilder AddEpisodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EpisodeRenderer>();
        builder.Services.AddScoped<RenderEpisodeJob>();
        return builder;
    }
}
