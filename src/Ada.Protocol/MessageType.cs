namespace Ada.Protocol;

/// <summary>The message carried by a frame; the value is the u16 in the frame header. Never renumber.</summary>
public enum MessageType : ushort
{
    /// <summary>Client → service: first frame, offers a version range.</summary>
    Hello = 1,
    /// <summary>Service → client: chosen version and what the service runs on.</summary>
    HelloReply = 2,
    /// <summary>Client → service: load a preset for a plugin instance.</summary>
    LoadPreset = 3,
    /// <summary>Client → service: a plugin parameter changed.</summary>
    SetParameter = 4,
    /// <summary>Client → service: host transport state.</summary>
    Transport = 5,
    /// <summary>Client → service: a note on/off at a project sample.</summary>
    MidiEvent = 6,
    /// <summary>Client → service: render a take ahead and stream it into a ring.</summary>
    ArmTake = 7,
    /// <summary>Service → client: the ring a take streams into.</summary>
    RingAttached = 8,
    /// <summary>Client → service: one piece of a primer snapshot.</summary>
    PrimerChunk = 9,
    /// <summary>Client → service: playback jumped to a project sample.</summary>
    Seek = 10,
    /// <summary>Client → service: start streaming the armed takes.</summary>
    Start = 11,
    /// <summary>Client → service: stop streaming.</summary>
    Stop = 12,
    /// <summary>Client → service: ask for a <see cref="Status"/>.</summary>
    StatusRequest = 13,
    /// <summary>Service → client: health and buffer state.</summary>
    Status = 14,
    /// <summary>Either way: a request failed.</summary>
    Error = 15,
    /// <summary>Either way: liveness ping.</summary>
    Heartbeat = 16,
    /// <summary>Either way: orderly close.</summary>
    Goodbye = 17,
}
