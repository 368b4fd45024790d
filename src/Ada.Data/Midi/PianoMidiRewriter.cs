using NAudio.Midi;

namespace Ada.Data;

/// <summary>
/// Collapses a General MIDI arrangement onto one acoustic grand piano: every melodic channel is
/// forced to program 0, the drum channel is dropped, and bank selects, program changes and SysEx
/// are removed so nothing can switch a channel back to another instrument or a drum kit.
/// Event times are untouched, so notes keep their timing.
/// </summary>
public static class PianoMidiRewriter
{
    /// <summary>GM percussion channel (NAudio numbers channels 1–16).</summary>
    public const int DrumChannel = 10;

    /// <summary>GM program 0: acoustic grand piano.</summary>
    public const int PianoProgram = 0;

    private const int BankSelectMsb = 0;
    private const int BankSelectLsb = 32;

    /// <summary>Rewrites a Standard MIDI file; <paramref name="name"/> is used in errors.</summary>
    public static byte[] Rewrite(byte[] midiFile, string name)
    {
        MidiFile source;
        try
        {
            source = new MidiFile(new MemoryStream(midiFile, writable: false), strictChecking: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"MIDI file {name}: cannot be read ({e.Message})", e);
        }
        var rewritten = Rewrite(source.Events);
        using var output = new MemoryStream();
        MidiFile.Export(output, rewritten);
        return output.ToArray();
    }

    /// <summary>Rewrites an event collection into a new one; the source's track lists are not modified (kept events are shared).</summary>
    public static MidiEventCollection Rewrite(MidiEventCollection source)
    {
        var result = new MidiEventCollection(source.MidiFileType, source.DeltaTicksPerQuarterNote);
        var forcedChannels = new HashSet<int>();
        for (int t = 0; t < source.Tracks; t++)
        {
            var kept = source[t].Where(Keep).ToList();
            // Program 0 at tick 0, in the first track that plays the channel, before anything else.
            var firstUse = kept.Where(IsChannelEvent).Select(e => e.Channel).Distinct()
                .Where(forcedChannels.Add).OrderBy(c => c).ToList();
            kept.InsertRange(0, firstUse.Select(c => new PatchChangeEvent(0, c, PianoProgram)));
            result.AddTrack(kept);
        }
        result.PrepareForExport();
        return result;
    }

    private static bool Keep(MidiEvent e)
    {
        if (e.CommandCode == MidiCommandCode.Sysex)
            return false; // GS/XG messages can turn a part into a drum kit or change its bank
        if (!IsChannelEvent(e))
            return true;
        if (e.Channel == DrumChannel || e.CommandCode == MidiCommandCode.PatchChange)
            return false;
        return e is not ControlChangeEvent cc || ((int)cc.Controller is not (BankSelectMsb or BankSelectLsb));
    }

    private static bool IsChannelEvent(MidiEvent e) => e.CommandCode < MidiCommandCode.Sysex;
}
