using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

/// <summary>Admin downloads: the subscriber export, and an issue's rendered web HTML for the preview frame, sandboxed by CSP so it runs no script and reads no cookie.</summary>
internal static class AdminPreviews
{
    public static IEndpointRouteBuilder MapAdminPreviews(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/issues/{id:long}/preview.html", async (long id, HttpContext context, AppDbContext db, CancellationToken ct) =>
        {
            var html = await db.Issues.Where(i => i.Id == id).Select(i => i.Html).SingleOrDefaultAsync(ct);
            if (html is null) return Results.NotFound();
            context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";
            return Results.Content(html, "text/html; charset=utf-8");
        }).RequireAuthorization(AdminAuthorization.Policy);

        app.MapGet("/admin/subscribers.csv", async (HttpContext context, ContentPipeline.Subscribers.SubscriberExporter exporter, CancellationToken ct) =>
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=subscribers.csv";
            await using var writer = new StreamWriter(context.Response.Body);
            await exporter.ExportAsync(writer, ct);
        }).RequireAuthorization(AdminAuthorization.Policy);
        return app;
    }
}
