namespace Ada.Audio.Tests;

/// <summary>Paths of the committed encoder-made files (see Fixtures/README.md for how they were made).</summary>
internal static class Fixtures
{
    /// <summary>1 s, 44.1 kHz stereo Ogg Vorbis: left 440 Hz, right 880 Hz, amplitude 0.5.</summary>
    public static string StereoOgg => Path("sine-440L-880R-44k1-stereo.ogg");

    /// <summary>1 s, 44.1 kHz mono MP3 (LAME, 64 kbit/s): 440 Hz, amplitude 0.5.</summary>
    public static string MonoMp3 => Path("sine-440-44k1-mono.mp3");

    static string Path(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);
}
