using NAudio.Midi;

namespace Ada.Data.Tests;

/// <summary>Builds small Standard MIDI files in memory with NAudio.</summary>
internal static class MidiFixture
{
    public static void AddNote(IList<MidiEvent> track, long time, int channel, int note, int velocity, int duration)
    {
        var on = new NoteOnEvent(time, channel, note, velocity, duration);
        track.Add(on);
        track.Add(on.OffEvent!);
    }

    public static byte[] Export(MidiEventCollection events)
    {
        events.PrepareForExport();
        using var stream = new MemoryStream();
        MidiFile.Export(stream, events);
        return stream.ToArray();
    }

    public static MidiFile Read(byte[] bytes) => new(new MemoryStream(bytes), strictChecking: false);

    /// <summary>(channel, note, velocity, tick) of every note on/off event with a non-drum channel, sorted.</summary>
    public static List<(int Channel, int Note, int Velocity, long Tick, bool On)> MelodicNotes(MidiEventCollection events) =>
        events.SelectMany(t => t).OfType<NoteEvent>()
            .Where(n => n.Channel != PianoMidiRewriter.DrumChannel)
            .Select(n => (n.Channel, n.NoteNumber, n.Velocity, n.AbsoluteTime, MidiEvent.IsNoteOn(n)))
            .Order().ToList();
}
