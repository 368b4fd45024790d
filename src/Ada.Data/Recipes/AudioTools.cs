namespace Ada.Data;

/// <summary>The two external audio tools the recipes run, with the exact settings of docs/DATA.md.</summary>
public static class AudioTools
{
    /// <summary>General MIDI soundfont from fluid-soundfont-gm (MIT).</summary>
    public const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /// <summary>FluidSynth master gain; 0.6 clipped on dense pieces, 0.3 did not (docs/data.md).</summary>
    public const string FluidSynthGain = "0.3";

    /// <summary>Renders a MIDI file to a 16 kHz (stereo) WAV with FluidSynth's deterministic file renderer.</summary>
    public static void RenderMidi(string midiPath, string wavPath, CancellationToken cancellation) =>
        ExternalTool.Run("fluidsynth",
            ["-ni", "-q", "-F", wavPath, "-r", AudioFormat.SampleRate.ToString(), "-g", FluidSynthGain, SoundFont, midiPath],
            cancellation);

    /// <summary>
    /// Converts any sox-readable file to 16 kHz mono PCM16. -R alone only makes sox's dither repeatable;
    /// -D turns dither off, so reruns are byte-identical and digital silence stays zero.
    /// </summary>
    public static void ToPcm16Mono(string inputPath, string wavPath, CancellationToken cancellation) =>
        ExternalTool.Run("sox",
            ["-R", "-D", inputPath, "-r", AudioFormat.SampleRate.ToString(), "-c", "1", "-b", "16", "-e", "signed-integer", wavPath],
            cancellation);
}
