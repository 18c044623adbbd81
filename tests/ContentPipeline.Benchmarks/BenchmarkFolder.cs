using ContentPipeline.Hosting;

namespace ContentPipeline.Benchmarks;

/// <summary>A throwaway product folder: the repository's appsettings.json and templates/, its own database under data/.</summary>
internal static class BenchmarkFolder
{
    public static ContentRoot Create()
    {
        var repo = ContentRoot.Find();
        var path = Directory.CreateTempSubdirectory("contentpipeline-bench-").FullName;
        File.Copy(Path.Combine(repo.Path, "appsettings.json"), Path.Combine(path, "appsettings.json"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repo.Path, "templates"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(path, "templates", Path.GetRelativePath(Path.Combine(repo.Path, "templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new ContentRoot(path);
    }
}
