namespace Ada.Service.Takes;

/// <summary>A claim on a cached take by one interest; disposing it withdraws the interest (and cancels generation nobody needs).</summary>
internal sealed class TakeLease : IDisposable
{
    private readonly TakeCache _cache;
    private int _disposed;

    internal TakeLease(TakeCache cache, TakeAudio take, ITakeInterest interest)
    {
        _cache = cache;
        Take = take;
        Interest = interest;
    }

    /// <summary>The take's audio.</summary>
    public TakeAudio Take { get; }

    /// <summary>Who holds the lease.</summary>
    public ITakeInterest Interest { get; }

    /// <summary>Releases the claim (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _cache.Release(this);
    }
}
