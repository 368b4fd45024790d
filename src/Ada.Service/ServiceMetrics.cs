namespace Ada.Service;

/// <summary>Counters of one service instance (thread-safe), for tests, benchmarks and logs.</summary>
public sealed class ServiceMetrics
{
    private long _generatedSamples, _generationSteps, _chunksRead, _chunksWritten, _takesCompleted, _takesEvicted;
    private long _clientsAccepted, _clientsTimedOut, _staleRingsRemoved, _errorsSent;
    private int _connectedClients, _activeRings;

    /// <summary>Model-rate samples generated, summed over the streams of every batch (0 when everything came from the cache).</summary>
    public long GeneratedSamples => Interlocked.Read(ref _generatedSamples);

    /// <summary>Sampler steps (one call generating a block for a whole batch).</summary>
    public long GenerationSteps => Interlocked.Read(ref _generationSteps);

    /// <summary>Cache chunks read from disk.</summary>
    public long ChunksRead => Interlocked.Read(ref _chunksRead);

    /// <summary>Cache chunks written to disk.</summary>
    public long ChunksWritten => Interlocked.Read(ref _chunksWritten);

    /// <summary>Take folders deleted from the disk cache to keep it within its budget.</summary>
    public long TakesEvicted => Interlocked.Read(ref _takesEvicted);

    /// <summary>Takes whose generation finished.</summary>
    public long TakesCompleted => Interlocked.Read(ref _takesCompleted);

    /// <summary>Connections accepted since start.</summary>
    public long ClientsAccepted => Interlocked.Read(ref _clientsAccepted);

    /// <summary>Clients dropped because they went silent for longer than the client timeout.</summary>
    public long ClientsTimedOut => Interlocked.Read(ref _clientsTimedOut);

    /// <summary>Ring files of dead services removed at start.</summary>
    public long StaleRingsRemoved => Interlocked.Read(ref _staleRingsRemoved);

    /// <summary>Error replies sent.</summary>
    public long ErrorsSent => Interlocked.Read(ref _errorsSent);

    /// <summary>Clients connected now.</summary>
    public int ConnectedClients => Volatile.Read(ref _connectedClients);

    /// <summary>Rings being fed now.</summary>
    public int ActiveRings => Volatile.Read(ref _activeRings);

    internal void AddGenerated(long samples)
    {
        Interlocked.Add(ref _generatedSamples, samples);
        Interlocked.Increment(ref _generationSteps);
    }

    internal void AddChunkRead() => Interlocked.Increment(ref _chunksRead);
    internal void AddChunkWritten() => Interlocked.Increment(ref _chunksWritten);
    internal void AddTakeEvicted() => Interlocked.Increment(ref _takesEvicted);
    internal void AddTakesCompleted(int count) => Interlocked.Add(ref _takesCompleted, count);
    internal void AddClientTimedOut() => Interlocked.Increment(ref _clientsTimedOut);
    internal void AddStaleRingsRemoved(int count) => Interlocked.Add(ref _staleRingsRemoved, count);
    internal void AddErrorSent() => Interlocked.Increment(ref _errorsSent);

    internal void ClientConnected()
    {
        Interlocked.Increment(ref _clientsAccepted);
        Interlocked.Increment(ref _connectedClients);
    }

    internal void ClientDisconnected() => Interlocked.Decrement(ref _connectedClients);
    internal void RingOpened() => Interlocked.Increment(ref _activeRings);
    internal void RingClosed() => Interlocked.Decrement(ref _activeRings);
}
