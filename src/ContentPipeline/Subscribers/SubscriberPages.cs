using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentPipeline.Subscribers;

/// <summary>The small HTML pages subscribers see: sign-up, confirmation and unsubscribe.</summary>
internal static class SubscriberPages
{
    public static ContentHttpResult Page(HttpStatusCode status, string title, string body) => TypedResults.Content($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title>
        <style>body{"{"}font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem{"}"}button{"{"}font-size:1rem;padding:.5rem 1.25rem{"}"}</style>
        </head><body><h1>{title}</h1>{body}</body></html>
        """, "text/html; charset=utf-8", statusCode: (int)status);
}
