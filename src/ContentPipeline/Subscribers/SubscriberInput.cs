namespace ContentPipeline.Subscribers;

/// <summary>
/// One subscriber's address and name as they arrive from any edge, checked by the same rules everywhere. An error names
/// the field and echoes a value only when it is short, so an oversized field gets a short answer.
/// </summary>
public static class SubscriberInput
{
    private const int EchoAtMost = 80;

    public static bool TryValidate(string? email, string? name, out string validEmail, out string? validName, out string error)
    {
        validName = null;
        validEmail = EmailAddresses.Validate(email, out var emailError) ?? "";
        if (validEmail.Length == 0)
        {
            var shown = email?.Trim() ?? "";
            error = shown.Length is > 0 and <= EchoAtMost && !shown.Any(char.IsControl)
                ? $"email: '{shown}' is not a valid address: {emailError}"
                : $"email: {emailError}";
            return false;
        }
        if (!SubscriberNames.TryValidate(name, out validName, out var nameError))
        {
            error = $"name: {nameError}";
            return false;
        }
        error = "";
        return true;
    }
}
