using NAudio.Midi;

namespace Ada.Data.Tests;

/// <summary>The real fluidsynth + sox pipeline on a tiny generated MIDI file (skipped where the tools are missing).</summary>
public class RenderPipelineTests
{
    private const int TicksPerQuarter = 480;
    private const int NoteTick = 960; // two quarters at 120 bpm = 1.0 s = sample 16000

    private TempDirectory? _shared;
    private ConvertedAudio? _default;

    /// <summary>Renders the default MIDI once; FluidSynth spends about a second loading the soundfont per run.</summary>
    [OneTimeSetUp]
    public void RequireToolsAndRender()
    {
        Assume.That(ExternalTool.Exists("fluidsynth"), "fluidsynth is not installed");
        Assume.That(ExternalTool.Exists("sox"), "sox is not installed");
        Assume.That(File.Exists(AudioTools.SoundFont), $"{AudioTools.SoundFont} is missing (apt-get install fluid-soundfont-gm)");
        _shared = new TempDirectory();
        _default = Render(_shared.Path);
    }

    [OneTimeTearDown]
    public void DeleteRender() => _shared?.Dispose();

    /// <summary>A violin note at <paramref name="noteTick"/> (must become piano), optionally after a drum hit at 0 s (must vanish).</summary>
    private static byte[] Midi(long noteTick, bool drumAtZero)
    {
        var events = new MidiEventCollection(1, TicksPerQuarter);
        var track = events.AddTrack();
        track.Add(new TempoEvent(500_000, 0));
        track.Add(new PatchChangeEvent(0, 1, 40));
        if (drumAtZero)
            MidiFixture.AddNote(track, 0, PianoMidiRewriter.DrumChannel, 38, 127, 240);
        MidiFixture.AddNote(track, noteTick, 1, 60, 100, 960);
        return MidiFixture.Export(events);
    }

    private static ConvertedAudio Render(string recipeDirectory, long noteTick = NoteTick, bool drumAtZero = true)
    {
        var midi = Midi(noteTick, drumAtZero);
        return new PianoRecipe().Convert(new SourcePiece("test-note", "test", "/generated.mid", null, Hashing.Sha256Hex(midi), midi),
            recipeDirectory, CancellationToken.None);
    }

    [Test]
    public void Moving_the_note_by_one_second_moves_the_leading_trim_by_16000_samples()
    {
        using var atZero = new TempDirectory();

        var reference = Render(atZero.Path, noteTick: 0, drumAtZero: false);
        var audio = _default!;

        // The trim is the note's onset in the render; the drum hit at 0 s was dropped, or the trim would be near 0.
        // 16000 is a multiple of FluidSynth's 64-sample block, so the shift is exact.
        Assert.That(audio.TrimStartSamples - reference.TrimStartSamples, Is.EqualTo(16_000));
        var samples = Pcm16Wav.ReadAll(Path.Combine(_shared!.Path, audio.Wav));
        Assert.That(samples, Has.Length.EqualTo(audio.Samples));
        Assert.That(Math.Abs((int)samples[0]), Is.GreaterThan(SilenceTrimmer.DefaultThreshold));
        Assert.That(audio.Samples, Is.InRange(16_000, 16_000 * 4), "a 1 s note plus its release");
    }

    [Test]
    public void The_rendered_midi_is_kept_next_to_the_wav_with_program_0()
    {
        var audio = _default!;

        var midi = new MidiFile(Path.Combine(_shared!.Path, audio.Midi!), strictChecking: false);

        Assert.That(Path.GetDirectoryName(audio.Midi), Is.EqualTo(Path.GetDirectoryName(audio.Wav)));
        Assert.That(midi.Events.SelectMany(t => t).OfType<PatchChangeEvent>().Select(p => p.Patch), Is.EqualTo(new[] { 0 }));
        Assert.That(midi.Events.SelectMany(t => t).OfType<NoteOnEvent>().Select(n => n.AbsoluteTime), Is.EqualTo(new long[] { NoteTick }));
    }

    [Test]
    public void Rendering_twice_gives_byte_identical_files()
    {
        using var second = new TempDirectory();

        var again = Render(second.Path);

        Assert.That(Hashing.Sha256HexOfFile(Path.Combine(second.Path, again.Wav)),
            Is.EqualTo(Hashing.Sha256HexOfFile(Path.Combine(_shared!.Path, _default!.Wav))));
    }
}
