using System.Net;
using System.Text.RegularExpressions;

namespace ContentPipeline.Tests.Admin;

/// <summary>Signs in over plain HTTP like a browser would: fetch the form (anti-forgery cookie and token), post it.</summary>
public static partial class AdminSignIn
{
    public const string Email = "admin@example.org";
    public const string Password = "correct horse battery staple";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Admin:Email"] = Email, ["Admin:Password"] = Password };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string email, string password)
    {
        var token = await TokenAsync(http, "/admin/signin");
        return await http.PostAsync("/admin/signin", new FormUrlEncodedContent(
            [new("email", email), new("password", password), new("__RequestVerificationToken", token)]));
    }

    public static async Task SignInAsync(HttpClient http)
    {
        var response = await PostAsync(http, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a form as a browser would: with the anti-forgery token of the page at <paramref name="formPath"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string formPath, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(http, formPath);
        return await http.PostAsync(action, new FormUrlEncodedContent(
            [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]));
    }

    /// <summary>The anti-forgery token of the first form on the page (the cookie stays in the client's cookie jar).</summary>
    public static async Task<string> TokenAsync(HttpClient http, string path)
    {
        var page = await http.GetStringAsync(path);
        return TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
