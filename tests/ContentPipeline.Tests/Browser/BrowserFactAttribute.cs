namespace ContentPipeline.Tests.Browser;

/// <summary>A test that drives Debian's Chromium; skipped, saying why, only when /usr/bin/chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
            Skip = $"{Chromium.ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
    }
}
