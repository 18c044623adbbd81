using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes;

/// <summary>With Speech:Enabled=true, a program that is not installed stops the host at start, naming it and its package.</summary>
internal sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions o)
    {
        if (o.Enabled != true) return ValidateOptionsResult.Success;
        var errors = o.MissingPrograms().Select(p =>
            $"Speech:Enabled is true but {System.IO.Path.GetFileName(p.Path)} was not found at {p.Path} ({p.Key}): " +
            $"install it with apt-get install {p.Package}, or set Speech:Enabled=false.").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
