using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Synthetic mu-law audio: one random sine per example (50–2000 Hz at 16 kHz, amplitude 0.1–0.9); for smoke runs and tests.</summary>
public sealed class SineBatchSource(int batchSize, int length, ulong seed) : IBatchSource
{
    const double SampleRate = 16000;

    /// <inheritdoc />
    public int Classes => ModelConfig.AudioClasses;

    /// <inheritdoc />
    public Tensor Batch(long step)
    {
        var rng = SampleRng.ForStream(seed, step);
        var audio = new float[batchSize * length];
        for (var b = 0; b < batchSize; b++)
        {
            var frequency = 50 + 1950 * rng.NextDouble();
            var amplitude = 0.1 + 0.8 * rng.NextDouble();
            var phase = 2 * Math.PI * rng.NextDouble();
            for (var t = 0; t < length; t++)
                audio[b * length + t] = (float)(amplitude * Math.Sin(phase + 2 * Math.PI * frequency * t / SampleRate));
        }
        using var scope = NewDisposeScope();
        return MuLaw.Encode(tensor(audio, [batchSize, length])).MoveToOuterDisposeScope();
    }
}
