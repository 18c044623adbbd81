namespace ContentPipeline.Hosting;

/// <summary>
/// The product folder: the one holding appsettings.json and templates/. Found by walking up from the
/// working directory, then from the executable, so the host runs alike from the repository root and
/// from its build output. CONTENTPIPELINE_ROOT overrides the search.
/// </summary>
public sealed class ContentRoot(string path)
{
    public const string EnvironmentVariable = "CONTENTPIPELINE_ROOT";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>A configured path made absolute against the product folder.</summary>
    public string Resolve(string relativeOrAbsolute) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativeOrAbsolute));

    public static ContentRoot Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return IsRoot(fromEnvironment)
                ? new ContentRoot(fromEnvironment)
                : throw new StartupException(
                    $"{EnvironmentVariable}={fromEnvironment} does not hold appsettings.json and a templates/ folder.");
        }

        return Search(Directory.GetCurrentDirectory()) ?? Search(AppContext.BaseDirectory)
            ?? throw new StartupException(
                "Could not find the ContentPipeline folder (appsettings.json beside templates/) above " +
                $"{Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run from the repository or set {EnvironmentVariable}.");
    }

    internal static ContentRoot? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (IsRoot(dir.FullName)) return new ContentRoot(dir.FullName);
        }
        return null;
    }

    private static bool IsRoot(string dir) =>
        File.Exists(System.IO.Path.Combine(dir, "appsettings.json")) &&
        Directory.Exists(System.IO.Path.Combine(dir, "templates"));
}
