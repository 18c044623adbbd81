using ContentPipeline.Admin;
using ContentPipeline.Archive;
using ContentPipeline.Cli;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Health;
using ContentPipeline.Ingestion;
using ContentPipeline.Jobs;
using ContentPipeline.Llm;
using ContentPipeline.Newsletters;
using ContentPipeline.Scripts;
using ContentPipeline.Subscribers;
using ContentPipeline.Summaries;

// One executable: `serve` (the default) runs the web host and the job server; ingest, subscribers and
// digest are tools over the same services. See README.md for every command and setting.
return await new CommandLine(Program.AddFeatures, Program.MapEndpoints).RunAsync(args);

public partial class Program
{
    // Every feature registers itself here; the web host, the command line and the tests share this list.
    public static void AddFeatures(IHostApplicationBuilder builder)
    {
        // The application database (SQLite by default): the source of truth every job reads and writes.
        builder.AddData();
        // The model behind summaries and scripts, chosen by Llm:Provider: Offline (default), AzureOpenAI or OpenAI.
        builder.AddLlm();
        // Files, folders and web pages in; cleaned articles out, each stored once.
        builder.AddIngestion();
        // One summary per article; the offline client answers from the article's own sentences.
        builder.AddSummaries();
        // A podcast-script draft per issue.
        builder.AddScripts();
        // Liquid templates from templates/, parsed at start; the newsletter's HTML and text.
        builder.AddNewsletters();
        // Subscribers, signed unsubscribe tokens.
        builder.AddSubscribers();
        // Messages to a pickup folder or over SMTP, one row per issue and subscriber.
        builder.AddDelivery();
        // Hangfire: the jobs that move an issue from articles to inboxes.
        builder.AddJobs();
        // Admins: sign-in cookie, admin pages and API, rate limits, anti-forgery; server-rendered Razor Pages.
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
        // The public archive of sent issues at /issues, with each issue's podcast script.
        app.MapArchive();
        // Sign-in, admin pages (/admin) and the admin API (/api): admins only.
        app.MapAdmin();
        // The Hangfire dashboard at /hangfire: admins only outside Development.
        app.MapJobsDashboard();
        // Liveness and dependencies for load balancers and monitors.
        app.MapHealth();
    }
}
