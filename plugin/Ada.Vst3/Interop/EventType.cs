namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Event::EventTypes (the ones this binding maps; others are skipped by type).</summary>
public enum EventType : ushort
{
    NoteOn = 0,
    NoteOff = 1,
    Data = 2,
    PolyPressure = 3,
}
