using ContentPipeline.Hosting;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>
/// A product folder of the test's own under /tmp: the repository's appsettings.json and templates/ copied
/// in, so each test has its own database, outbox and keys. The benchmarks compile this file in too.
/// </summary>
public sealed class TestRoot : IDisposable
{
    public TestRoot()
    {
        Path = Directory.CreateTempSubdirectory("contentpipeline-test-").FullName;
        var repo = RepositoryRoot;
        File.Copy(System.IO.Path.Combine(repo, "appsettings.json"), System.IO.Path.Combine(Path, "appsettings.json"));
        CopyDirectory(System.IO.Path.Combine(repo, "templates"), System.IO.Path.Combine(Path, "templates"));
        Root = new ContentRoot(Path);
    }

    public string Path { get; }
    public ContentRoot Root { get; }

    /// <summary>
    /// The repository this test or benchmark was built from (it holds ContentPipeline.sln): found from the build
    /// output, which lies inside it, so it does not matter where the command was started.
    /// </summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ContentPipeline.sln"))) return dir.FullName;
            throw new InvalidOperationException("ContentPipeline.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
