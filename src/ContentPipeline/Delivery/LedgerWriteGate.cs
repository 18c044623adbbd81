namespace ContentPipeline.Delivery;

/// <summary>
/// Lets one send worker of this process write Delivery rows at a time. SQLite allows one writer; when
/// writers collide the SQLite driver backs off in sleeps of a large fraction of a second, which with
/// sixteen workers cost far more than the writes. Queueing them here is fast and fair. Another process
/// (a CLI digest beside a server) still relies on the database's busy timeout.
/// </summary>
public sealed class LedgerWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IDisposable Enter(CancellationToken cancellationToken)
    {
        _gate.Wait(cancellationToken);
        return new Exit(_gate);
    }

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Exit(_gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }
}
