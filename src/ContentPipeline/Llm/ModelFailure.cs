using System.ClientModel;

namespace ContentPipeline.Llm;

/// <summary>Failures of a model call that a job handles by recording them (not by letting Hangfire retry the whole job).</summary>
public static class ModelFailure
{
    public static bool Is(Exception e, CancellationToken jobToken) => e switch
    {
        ModelAnswerException or ClientResultException or HttpRequestException or TimeoutException => true,
        // A timeout inside the client, not the job being stopped.
        OperationCanceledException => !jobToken.IsCancellationRequested,
        _ => false,
    };
}
