namespace AdaPlugin.Service;

/// <summary>
/// Note events from the audio thread to the worker, which forwards them to the service: a fixed-size
/// single-producer/single-consumer queue that drops events when full rather than block or allocate.
/// </summary>
internal sealed class NoteForwardQueue(int capacity)
{
    private readonly ForwardedNote[] _items = new ForwardedNote[capacity];
    private long _head;
    private long _tail;

    /// <summary>Events dropped because the worker fell behind.</summary>
    public long Dropped { get; private set; }

    /// <summary>Audio thread: adds an event, or counts it dropped when the queue is full.</summary>
    public void Enqueue(in ForwardedNote note)
    {
        var tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _items.Length)
        {
            Dropped++;
            return;
        }
        _items[tail % _items.Length] = note;
        Volatile.Write(ref _tail, tail + 1);
    }

    /// <summary>Worker: takes the oldest event, if any.</summary>
    public bool TryDequeue(out ForwardedNote note)
    {
        var head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            note = default;
            return false;
        }
        note = _items[head % _items.Length];
        Volatile.Write(ref _head, head + 1);
        return true;
    }
}
