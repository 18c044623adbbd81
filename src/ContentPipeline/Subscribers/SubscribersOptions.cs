using System.ComponentModel.DataAnnotations;

namespace ContentPipeline.Subscribers;

/// <summary>Subscribers: how people sign up on the web.</summary>
public sealed class SubscribersOptions
{
    public const string Section = "Subscribers";

    /// <summary>When on, a web sign-up stays pending until the person follows the link in a confirmation mail.</summary>
    public bool DoubleOptIn { get; set; } = true;

    /// <summary>How long a confirmation link works.</summary>
    [Range(1, 720)]
    public int ConfirmationHours { get; set; } = 48;

    /// <summary>A pending address gets at most one confirmation mail per this interval (an eighth of the link's life).</summary>
    public TimeSpan ConfirmationResendInterval => TimeSpan.FromHours(ConfirmationHours / 8.0);

    /// <summary>Sign-up attempts allowed per client address per hour.</summary>
    [Range(1, 10_000)]
    public int SignUpsPerHour { get; set; } = 10;
}
