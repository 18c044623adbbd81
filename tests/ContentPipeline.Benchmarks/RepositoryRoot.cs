namespace ContentPipeline.Benchmarks;

/// <summary>Finds the repository root so default data paths work from any working directory.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContentPipeline.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException(
            "ContentPipeline.sln was not found in the current directory or above it; run from inside the repository or pass --data.");
    }
}
