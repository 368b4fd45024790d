using Ada.Protocol;

namespace Ada.Service.Sessions;

/// <summary>Primers received by any session, by hash; the oldest are forgotten beyond <paramref name="capacity"/>.</summary>
internal sealed class PrimerStore(int capacity = 16)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ContentHash, StoredPrimer> _primers = [];
    private readonly Queue<ContentHash> _order = new();

    /// <summary>True when the primer was received in full.</summary>
    public bool Contains(ContentHash hash)
    {
        lock (_lock) return _primers.ContainsKey(hash);
    }

    /// <summary>The primer with <paramref name="hash"/>, or null when it was not received (or was forgotten).</summary>
    public StoredPrimer? Find(ContentHash hash)
    {
        lock (_lock) return _primers.GetValueOrDefault(hash);
    }

    /// <summary>Stores a complete primer.</summary>
    public void Add(StoredPrimer primer)
    {
        lock (_lock)
        {
            if (!_primers.TryAdd(primer.Hash, primer)) return;
            _order.Enqueue(primer.Hash);
            while (_order.Count > capacity) _primers.Remove(_order.Dequeue());
        }
    }
}
