using System.Diagnostics;
using System.Text;
using ContentPipeline.Hosting;
using ContentPipeline.Tests.TestSupport;

namespace ContentPipeline.Benchmarks.Scale;

/// <summary>The host's built ContentPipeline.dll (same configuration as this benchmark) as a process of its own.</summary>
internal sealed class Node : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Node(Process process) => _process = process;

    public static Node Start(ContentRoot root, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(TestRoot.RepositoryRoot, "src", "ContentPipeline", "bin", configuration, "net10.0", "ContentPipeline.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var node = new Node(new Process { StartInfo = start });
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line)
    {
        if (line is not null) lock (_output) _output.AppendLine(line);
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task WaitForAsync(string text)
    {
        for (var waited = 0; !Output.Contains(text, StringComparison.Ordinal); waited += 100)
        {
            if (_process.HasExited || waited > 120_000) throw new InvalidOperationException($"the node never printed '{text}':\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for a command to finish; a non-zero exit stops the benchmark with the command's output.</summary>
    public async Task ExitAsync()
    {
        await _process.WaitForExitAsync();
        _process.WaitForExit();
        if (_process.ExitCode != 0) throw new InvalidOperationException($"{_process.StartInfo.ArgumentList[1]} exited {_process.ExitCode}:\n{Output}");
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
