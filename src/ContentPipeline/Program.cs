using ContentPipeline.Admin;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Episodes;
using ContentPipeline.Episodes.Speech;
using ContentPipeline.Health;
using ContentPipeline.Hosting;
using ContentPipeline.Ingestion;
using ContentPipeline.Issues;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using ContentPipeline.Newsletters;
using ContentPipeline.Podcast;
using ContentPipeline.Scripts;
using ContentPipeline.Subscribers;
using ContentPipeline.Summaries;
using ContentPipeline.Templates;

// One executable: `serve` (the default) runs the web host and the job server; ingest, subscribers and
// digest are tools over the same services. See README.md for every command and setting.
return await new CommandLine(Program.AddFeatures, Program.MapEndpoints).RunAsync(args);

public partial class Program
{
    // Every feature registers itself here, and nowhere else; the web host, the command line and the tests share this list.
    public static void AddFeatures(IHostApplicationBuilder builder, HostRole role)
    {
        // Time is a dependency: every clock read goes through TimeProvider, so tests can hand a class a fake one.
        builder.Services.AddSingleton(TimeProvider.System);
        // The application database (SQLite, or PostgreSQL for several nodes) and the keys that sign links: the source of truth.
        builder.AddData();
        // Hangfire's client and job storage: in memory with SQLite, in the database with PostgreSQL.
        builder.AddJobs();
        // The model behind summaries and scripts, chosen by Llm:Provider: Offline (default), AzureOpenAI or OpenAI.
        builder.AddLlm();
        // Liquid templates from templates/, parsed once at start; each feature declares the ones it needs.
        builder.AddTemplates();
        // Files, folders, pages and feeds in; cleaned articles out, each stored once; poll-feeds on its schedule (serve).
        builder.AddIngestion(role);
        // An issue's life: composing, states, progress, approval, daily-digest (serve); its stages run in this order.
        builder.AddIssues(role, stages => stages
            .Then<SummarizeArticleJob>()   // Summarizing: one summary per article
            .Then<WriteScriptJob>()        // Scripting: the podcast-script draft
            .Then<RenderEpisodeJob>()      // Recording: the podcast episode (a failed one never holds the issue back)
            .Then<RenderIssueJob>()        // Rendering: the web version and the subject
            .ThenApproval()                // AwaitingApproval: only with Digest:RequireApproval
            .Then<FanOutDeliveriesJob>()   // FanningOut: one delivery row per active subscriber
            .Then<SendBatchJob>());        // Sending: one job per batch, to the pickup folder or over SMTP
        // One summary per article; the offline client answers from the article's own sentences.
        builder.AddSummaries();
        // A podcast-script draft per issue, as Markdown and SSML.
        builder.AddScripts();
        // The voice that reads scripts, chosen by Speech:Provider: Offline (default, espeak-ng); every synthesis recorded and cached.
        builder.AddSpeech();
        // The podcast episode of an issue: MP3 with chapters and transcript, from its script (Speech:Enabled).
        builder.AddEpisodes();
        // The newsletter's HTML and text.
        builder.AddNewsletters();
        // The podcast feed's show settings (Podcast), checked at start with its cover.
        builder.AddPodcast();
        // Mail out: the transport, each reader's copy, the ledger of deliveries and their signed unsubscribe links.
        builder.AddDelivery();
        // Subscribers: sign-up with double opt-in, confirmation, unsubscribe, import and export.
        builder.AddSubscribers();
        // Job workers in this process: serve and digest run jobs; the other commands only read and write.
        if (role.RunsJobs) builder.AddJobServer();
        // Send workers on their own queue (one per SMTP connection) and the watchdog that takes back a stopped worker's claims.
        if (role.RunsJobs) builder.AddDeliveryServer();
        // Server-rendered pages of every feature folder: the archive (/issues) and the admin pages (/admin).
        builder.AddPages();
        // Admins: sign-in cookie, admin pages and API, rate limits, anti-forgery.
        builder.AddAdmin();
        // /healthz: the database, the job storage and (Delivery:Mode=Smtp) the SMTP server.
        builder.AddHealth();
    }

    // The web surface of `serve`.
    public static void MapEndpoints(WebApplication app)
    {
        // Who is signed in, rate limits and anti-forgery run before every page, API and the dashboard.
        app.UseAdmin();
        // One-click unsubscribe (RFC 8058): GET shows a button, POST acts.
        app.MapUnsubscribe();
        // Web sign-up with double opt-in: GET /confirm shows a button, POST confirms.
        app.MapSubscribe();
        // The podcast: /podcast.xml and each sent issue's episode, chapters and transcript (byte ranges, ETag), and the cover.
        app.MapPodcast();
        // The Razor Pages: the public archive of sent issues (/issues) and the admin pages (/admin, admins only).
        app.MapRazorPages();
        // The admin previews and the admin API (/api): admins only.
        app.MapAdmin();
        // The Hangfire dashboard at /hangfire: admins only outside Development.
        app.MapJobsDashboard();
        // Liveness and dependencies for load balancers and monitors.
        app.MapHealth();
    }
}
