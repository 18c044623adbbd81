namespace ContentPipeline.Archive;

public static class ArchiveExtensions
{
    /// <summary>
    /// The public archive: /issues lists sent issues, /issues/{id} shows one (the newsletter's "view in browser"
    /// link) with its podcast script. The pages are Razor Pages in this folder, mapped with the admin pages; this
    /// only makes the archive's place in Program.cs explicit.
    /// </summary>
    public static WebApplication MapArchive(this WebApplication app) => app;
}
