using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>An IEventList the harness fills with note events for one block.</summary>
internal sealed unsafe class HostEventList() : HostObject(IEventList.Descriptor), IVstEventList
{
    private readonly List<Event> _events = new(64);

    public IEventList* List => (IEventList*)Pointer;

    public void Clear() => _events.Clear();

    public void NoteOn(int offset, int pitch, float velocity, int bus = 0) => _events.Add(new Event
    {
        BusIndex = bus, SampleOffset = offset, Type = EventType.NoteOn,
        NoteOn = new NoteOnEvent { Pitch = (short)pitch, Velocity = velocity, NoteId = -1 },
    });

    public void NoteOff(int offset, int pitch) => _events.Add(new Event
    {
        SampleOffset = offset, Type = EventType.NoteOff, NoteOff = new NoteOffEvent { Pitch = (short)pitch, NoteId = -1 },
    });

    public int GetEventCount() => _events.Count;

    public int GetEvent(int index, out Event e)
    {
        if ((uint)index >= (uint)_events.Count)
        {
            e = default;
            return TResult.InvalidArgument;
        }
        e = _events[index];
        return TResult.Ok;
    }

    public int AddEvent(in Event e)
    {
        _events.Add(e);
        return TResult.Ok;
    }
}
