namespace Ada.Inference;

/// <summary>Teacher-forced likelihood of known signals under an incremental WaveNet: the audio-level yardstick for sampler variants (e.g. bf16 weights).</summary>
public static class TeacherForcing
{
    /// <summary>
    /// Mean −log2 p(true class) in bits per sample of <paramref name="classes"/> (equal-length sequences, stepped as one batch of streams):
    /// step t is fed the true class t − 1 (the pad class at t = 0) and the code of frame t / hop, as in training.
    /// </summary>
    /// <param name="net">The level's decoder.</param>
    /// <param name="classes">The signals' classes, one sequence per stream.</param>
    /// <param name="frameCodes">Per stream, the conditioning code of each frame (at least length / hop of them); null for an unconditional net.</param>
    public static double NllBits(IIncrementalWaveNet net, IReadOnlyList<int[]> classes, IReadOnlyList<int[]>? frameCodes)
    {
        var spec = net.Spec;
        int batch = classes.Count, length = batch == 0 ? 0 : classes[0].Length, q = spec.Classes;
        if (batch == 0 || length == 0) throw new ArgumentException("no samples to score");
        if (classes.Any(c => c.Length != length)) throw new ArgumentException("sequences differ in length");
        if (spec.IsConditioned != frameCodes is not null) throw new ArgumentException(spec.IsConditioned ? "a conditioned net needs frame codes" : "an unconditional net takes no codes");
        if (frameCodes != null && (frameCodes.Count != batch || frameCodes.Any(c => c.Length < (length - 1) / spec.Hop + 1)))
            throw new ArgumentException($"need one code per {spec.Hop} samples for each of the {batch} sequences");

        using var streams = net.CreateStreams(batch);
        var previous = new int[batch];
        var codes = new int[batch];
        var logits = new float[batch * q];
        double nats = 0;
        for (int t = 0; t < length; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                previous[b] = t == 0 ? spec.PadClass : classes[b][t - 1];
                codes[b] = frameCodes?[b][t / spec.Hop] ?? 0;
            }
            streams.Step(previous, codes, logits);
            for (int b = 0; b < batch; b++) nats -= LogSoftmax(logits.AsSpan(b * q, q), classes[b][t]);
        }
        return nats / Math.Log(2) / ((double)batch * length);
    }

    /// <summary>log softmax(<paramref name="logits"/>)[<paramref name="target"/>], in double so a long sum of them stays exact enough.</summary>
    static double LogSoftmax(ReadOnlySpan<float> logits, int target)
    {
        float max = float.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        double sum = 0;
        foreach (var z in logits) sum += Math.Exp(z - max);
        return logits[target] - max - Math.Log(sum);
    }
}
