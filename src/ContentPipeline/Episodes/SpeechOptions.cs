using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Episodes;

public enum SpeechProvider { Offline, AzureOpenAI, OpenAI }

/// <summary>Speech: the podcast episode read aloud from the script, and the programs that make it.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    /// <summary>Offline: Debian's espeak-ng, run as a separate process. AzureOpenAI, OpenAI: a speech endpoint over HTTP.</summary>
    [Required]
    public SpeechProvider Provider { get; set; } = SpeechProvider.Offline;

    public string? Endpoint { get; set; }
    public string? Deployment { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    public string? ApiVersion { get; set; }

    /// <summary>The longest text one request may carry; longer segments are split at sentence boundaries.</summary>
    [Range(100, 1_000_000)]
    public int MaxInputCharacters { get; set; } = 4096;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    [Range(1, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    [Range(1, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>Price per million characters by model (deployment) name, for cost estimates.</summary>
    public Dictionary<string, decimal> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The model recorded on speech calls and looked up in Prices.</summary>
    public string ModelName => Provider switch
    {
        SpeechProvider.AzureOpenAI => Deployment ?? "",
        SpeechProvider.OpenAI => Model ?? "",
        _ => "espeak-ng",
    };

    public decimal Cost(string? model, long characters) =>
        (model is not null && Prices.TryGetValue(model, out var p)) || Prices.TryGetValue(ModelName, out p) ? characters * p / 1_000_000m : 0m;

    /// <summary>Null: on when the programs below exist. True: they must exist (checked at start). False: no episodes.</summary>
    public bool? Enabled { get; set; }

    [Required]
    public string EspeakPath { get; set; } = "/usr/bin/espeak-ng";

    [Required]
    public string FfmpegPath { get; set; } = "/usr/bin/ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "/usr/bin/ffprobe";

    /// <summary>The espeak-ng voice of a host that Script:Voices does not name.</summary>
    [Required]
    public string OfflineVoice { get; set; } = "en-gb";

    /// <summary>EBU R128 integrated loudness of the episode, in LUFS.</summary>
    [Range(-30, -10)]
    public double LoudnessLufs { get; set; } = -16;

    /// <summary>The highest true peak allowed, in dBTP.</summary>
    [Range(-6, 0)]
    public double TruePeakDb { get; set; } = -1.5;

    /// <summary>MP3 bit rate, kbit/s (mono).</summary>
    [Range(32, 320)]
    public int BitrateKbps { get; set; } = 64;

    /// <summary>Seconds one synthesis or one ffmpeg run may take.</summary>
    [Range(5, 3600)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Whether this configuration makes episodes: Enabled, or (when unset) the offline programs are installed.</summary>
    public bool IsOn => Enabled ?? MissingPrograms().Count == 0;

    /// <summary>The programs this provider needs that are not at their configured paths, with the Debian package of each.</summary>
    public IReadOnlyList<(string Key, string Path, string Package)> MissingPrograms()
    {
        var needed = new List<(string Key, string Path, string Package)>
        {
            ("Speech:FfmpegPath", FfmpegPath, "ffmpeg"),
            ("Speech:FfprobePath", FfprobePath, "ffmpeg"),
        };
        if (Provider == SpeechProvider.Offline) needed.Insert(0, ("Speech:EspeakPath", EspeakPath, "espeak-ng"));
        return needed.Where(p => !File.Exists(p.Path)).ToList();
    }
}
