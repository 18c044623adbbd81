using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContentPipeline.Benchmarks.Delivery;

/// <summary>Postfix's smtp-sink on a free loopback port (the reference sink), and smtp-source as the reference sender.</summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static string? Find(string tool) =>
        new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    public static async Task<SmtpSink> StartAsync(string sinkPath)
    {
        var port = FreePort();
        // 1000: the listen backlog; as root it must be told whom to run as. No -c: a counter printed per message
        // would cost this process (which reads the sink's output) a callback per message in both runs.
        var user = Environment.UserName == "root" ? "-u nobody " : "";
        var process = Process.Start(new ProcessStartInfo(sinkPath, $"{user}127.0.0.1:{port} 1000")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpSink(process, port);
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                break;
            }
        }
        if (!process.HasExited) process.Kill();
        throw new InvalidOperationException($"smtp-sink did not listen on port {port}: {await errors}");
    }

    /// <summary>Messages per second that smtp-source pushes over <paramref name="connections"/> connections, and its CPU time.</summary>
    public async Task<(double PerSecond, TimeSpan Cpu)> ReferenceAsync(string sourcePath, int connections, int messages, int size)
    {
        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var source = Process.Start(new ProcessStartInfo(sourcePath, $"-d -s {connections} -m {messages} -l {size} 127.0.0.1:{Port}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var errors = source.StandardError.ReadToEndAsync();
        await source.StandardOutput.ReadToEndAsync();
        await source.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        if (source.ExitCode != 0) throw new InvalidOperationException($"smtp-source failed: {await errors}");
        // A process's CPU time is gone once it is reaped; the children's total in /proc/self/stat is not (cutime + cstime).
        return (messages / elapsed.TotalSeconds, ChildrenCpu() - cpuBefore);
    }

    /// <summary>CPU time of this process's waited-for children (cutime + cstime in /proc/self/stat), Linux only.</summary>
    public static TimeSpan ChildrenCpu()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[13]) + long.Parse(fields[14]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
