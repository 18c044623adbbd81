namespace ContentPipeline.Hosting;

/// <summary>The host cannot start as configured (a missing folder, a broken template); the message says what to fix.</summary>
public sealed class StartupException(string message) : Exception(message);
