using System.Globalization;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>
/// The host's settings for sending through a plain SMTP server on 127.0.0.1 (no TLS), with any others on top.
/// Tests take them from <see cref="SmtpTestServer"/>.Settings; the benchmarks, whose sink is Postfix's smtp-sink,
/// compile this file in.
/// </summary>
public static class SmtpSettings
{
    public static Dictionary<string, string?> For(int port, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:Mode"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }
}
