using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// The block's note events from the host's event list, in a preallocated array sorted by sample offset (stable),
/// so the processor can render sample-accurately between them. Note-on with velocity 0 counts as note-off;
/// other event types, other buses and out-of-range keys are skipped; events past <see cref="Capacity"/> are dropped.
/// </summary>
public sealed class NoteEventQueue(int capacity)
{
    private readonly NoteEvent[] _events = new NoteEvent[capacity];

    /// <summary>The most events one block keeps.</summary>
    public int Capacity => _events.Length;

    /// <summary>How many events the last <see cref="Fill"/> kept.</summary>
    public int Count { get; private set; }

    /// <summary>Event <paramref name="index"/> in offset order.</summary>
    public NoteEvent this[int index] => _events[index];

    /// <summary>Replaces the queue with the note events of <paramref name="list"/>, offsets clamped into the block.</summary>
    public void Fill(EventList list, int numSamples)
    {
        Count = 0;
        var total = list.Count;
        for (var i = 0; i < total && Count < _events.Length; i++)
        {
            if (list.TryGet(i, out var e) && TryConvert(in e, numSamples, out var note))
            {
                Insert(note);
            }
        }
    }

    /// <summary>Adds one event in offset order (also how tests feed the queue without a host).</summary>
    public void Insert(NoteEvent note)
    {
        if (Count == _events.Length)
        {
            return;
        }
        var at = Count;
        while (at > 0 && _events[at - 1].Offset > note.Offset)
        {
            _events[at] = _events[at - 1];
            at--;
        }
        _events[at] = note;
        Count++;
    }

    /// <summary>Empties the queue.</summary>
    public void Clear() => Count = 0;

    private static bool TryConvert(in Event e, int numSamples, out NoteEvent note)
    {
        note = default;
        if (e.BusIndex != 0)
        {
            return false;
        }
        var offset = Math.Clamp(e.SampleOffset, 0, Math.Max(0, numSamples - 1));
        switch (e.Type)
        {
            case EventType.NoteOn when e.NoteOn.Pitch is >= 0 and <= 127:
                note = new NoteEvent(offset, e.NoteOn.Velocity > 0, e.NoteOn.Pitch, e.NoteOn.Velocity);
                return true;
            case EventType.NoteOff when e.NoteOff.Pitch is >= 0 and <= 127:
                note = new NoteEvent(offset, false, e.NoteOff.Pitch, 0);
                return true;
            default:
                return false;
        }
    }
}
