using NAudio.Midi;

namespace Ada.Data.Tests;

public class PianoMidiRewriterTests
{
    private const int Drums = PianoMidiRewriter.DrumChannel;

    /// <summary>
    /// Format 1, 480 ticks per quarter: a tempo track; a strings track on channel 1 with bank selects and
    /// two program changes; a track mixing bass on channel 2 with drums (and a drum-kit program) on channel 10; one GS SysEx.
    /// </summary>
    private static MidiEventCollection Arrangement()
    {
        var events = new MidiEventCollection(1, 480);
        var tempo = events.AddTrack();
        tempo.Add(new TempoEvent(500_000, 0));
        tempo.Add(new TempoEvent(400_000, 1920));

        var strings = events.AddTrack();
        strings.Add(new ControlChangeEvent(0, 1, MidiController.BankSelect, 8));
        strings.Add(new ControlChangeEvent(0, 1, MidiController.BankSelectLsb, 1));
        strings.Add(new PatchChangeEvent(0, 1, 48));
        strings.Add(new SysexEvent(0, [0x41, 0x10, 0x42, 0x12, 0x40, 0x1A, 0x15, 0x02, 0x0F]));
        MidiFixture.AddNote(strings, 0, 1, 60, 100, 480);
        MidiFixture.AddNote(strings, 480, 1, 64, 90, 240);
        strings.Add(new ControlChangeEvent(900, 1, MidiController.MainVolume, 70));
        strings.Add(new PatchChangeEvent(960, 1, 73));
        MidiFixture.AddNote(strings, 960, 1, 67, 80, 960);

        var rhythm = events.AddTrack();
        rhythm.Add(new PatchChangeEvent(0, Drums, 25));
        rhythm.Add(new PatchChangeEvent(0, 2, 33));
        MidiFixture.AddNote(rhythm, 0, Drums, 36, 127, 120);
        MidiFixture.AddNote(rhythm, 120, 2, 40, 110, 360);
        MidiFixture.AddNote(rhythm, 480, Drums, 38, 127, 120);
        rhythm.Add(new ControlChangeEvent(500, Drums, MidiController.MainVolume, 20));
        return events;
    }

    private static (MidiEventCollection Before, MidiEventCollection After) RewriteArrangement()
    {
        var bytes = MidiFixture.Export(Arrangement());
        return (MidiFixture.Read(bytes).Events, MidiFixture.Read(PianoMidiRewriter.Rewrite(bytes, "arrangement.mid")).Events);
    }

    private static IEnumerable<MidiEvent> All(MidiEventCollection events) => events.SelectMany(t => t);

    [Test]
    public void Every_melodic_channel_gets_program_0_at_tick_0_and_no_other_program()
    {
        var (_, after) = RewriteArrangement();

        var programs = All(after).OfType<PatchChangeEvent>().Select(p => (p.Channel, p.Patch, p.AbsoluteTime)).Order().ToList();

        Assert.That(programs, Is.EqualTo(new[] { (1, 0, 0L), (2, 0, 0L) }));
    }

    [Test]
    public void Program_0_comes_before_the_first_note_of_its_channel_in_the_same_track()
    {
        var (_, after) = RewriteArrangement();

        foreach (var track in Enumerable.Range(0, after.Tracks).Select(t => after[t]))
        {
            foreach (var channel in track.OfType<NoteOnEvent>().Select(n => n.Channel).Distinct())
            {
                int program = track.ToList().FindIndex(e => e is PatchChangeEvent p && p.Channel == channel);
                int firstNote = track.ToList().FindIndex(e => e is NoteOnEvent n && n.Channel == channel);
                Assert.That(program, Is.GreaterThanOrEqualTo(0).And.LessThan(firstNote), $"channel {channel}");
            }
        }
    }

    [Test]
    public void Channel_10_bank_selects_and_sysex_are_gone_but_other_controllers_stay()
    {
        var (_, after) = RewriteArrangement();

        Assert.That(All(after).Where(e => e.CommandCode < MidiCommandCode.Sysex && e.Channel == Drums), Is.Empty);
        Assert.That(All(after).OfType<ControlChangeEvent>().Select(c => (int)c.Controller), Is.EqualTo(new[] { 7 }));
        Assert.That(All(after).OfType<SysexEvent>(), Is.Empty);
    }

    [Test]
    public void Melodic_notes_keep_channel_pitch_velocity_and_tick()
    {
        var (before, after) = RewriteArrangement();

        var expected = new[]
        {
            (1, 60, 100, 0L, true), (1, 60, 0, 480L, false), (1, 64, 90, 480L, true), (1, 64, 0, 720L, false),
            (1, 67, 80, 960L, true), (1, 67, 0, 1920L, false), (2, 40, 110, 120L, true), (2, 40, 0, 480L, false),
        }.Order().ToList();
        Assert.That(MidiFixture.MelodicNotes(before), Is.EqualTo(expected), "fixture sanity");
        Assert.That(MidiFixture.MelodicNotes(after), Is.EqualTo(expected));
    }

    [Test]
    public void Tempo_map_and_resolution_are_kept()
    {
        var (_, after) = RewriteArrangement();

        Assert.That(after.DeltaTicksPerQuarterNote, Is.EqualTo(480));
        Assert.That(All(after).OfType<TempoEvent>().Select(t => (t.AbsoluteTime, t.MicrosecondsPerQuarterNote)),
            Is.EqualTo(new[] { (0L, 500_000), (1920L, 400_000) }));
    }

    [Test]
    public void Unreadable_bytes_give_an_error_naming_the_source()
    {
        var error = Assert.Throws<InvalidDataException>(() => PianoMidiRewriter.Rewrite("MThdgarbage"u8.ToArray(), "freedoom2.wad (lump D_BAD)"));

        Assert.That(error!.Message, Does.Contain("freedoom2.wad (lump D_BAD)"));
    }
}
