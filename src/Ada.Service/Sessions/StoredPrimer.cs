using Ada.Audio;
using Ada.Protocol;
using Ada.Service.Models;

namespace Ada.Service.Sessions;

/// <summary>A primer snapshot received in full and hash-checked.</summary>
/// <param name="Hash">Its content hash (what takes refer to).</param>
/// <param name="Samples">Interleaved samples (frames, channels).</param>
/// <param name="Channels">Channels per frame.</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
internal sealed record StoredPrimer(ContentHash Hash, float[] Samples, int Channels, int SampleRate)
{
    /// <summary>Samples <see cref="MonoAtModelRate"/> returns, without computing them.</summary>
    public long ModelRateLength => Resampler.OutputLength(Samples.Length / Channels, SampleRate, ResolvedPreset.ModelSampleRate);

    /// <summary>The primer as the models hear it: channels averaged, resampled to 16 kHz (as <c>AudioFile.ReadMono</c> does for <c>ada render --primer</c>).</summary>
    public float[] MonoAtModelRate()
    {
        var mono = new AudioBuffer(Samples, SampleRate, Channels).ToMono();
        return Resampler.Resample(mono.Samples, mono.SampleRate, ResolvedPreset.ModelSampleRate);
    }
}
