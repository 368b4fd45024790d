namespace Ada.Inference;

/// <summary>The per-stream memory of a <see cref="FastWaveNet"/> batch: layer rings and step buffers, allocated once.</summary>
public sealed class WaveNetState
{
    readonly int[] _ringOffset;   // per layer, within one stream's ring block
    readonly int _ringFloats;     // per stream
    readonly float[] _rings;

    internal WaveNetState(WaveNetSpec spec, int batch, int gatePad, int resSkipPad, int skipPad, int classPad)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), "a state needs at least one stream");
        Batch = batch;
        _ringOffset = new int[spec.Layers];
        for (int l = 0; l < spec.Layers; l++)
        {
            _ringOffset[l] = _ringFloats;
            _ringFloats += spec.Dilation(l) * spec.Residual;
        }
        _rings = new float[batch * _ringFloats];
        Input = new float[batch * 2 * spec.Residual];
        Gate = new float[batch * gatePad];
        Gated = new float[batch * spec.Gate];
        ResSkip = new float[batch * resSkipPad];
        Head = new float[batch * spec.Skip];
        Hidden = new float[batch * skipPad];
        Output = new float[batch * classPad];
    }

    /// <summary>Number of streams advanced together.</summary>
    public int Batch { get; }

    /// <summary>Samples generated so far (the same for every stream of the batch).</summary>
    public long Time { get; internal set; }

    internal float[] Input { get; }
    internal float[] Gate { get; }
    internal float[] Gated { get; }
    internal float[] ResSkip { get; }
    internal float[] Head { get; }
    internal float[] Hidden { get; }
    internal float[] Output { get; }

    internal Span<float> Ring(int stream, int layer)
    {
        int start = stream * _ringFloats + _ringOffset[layer];
        int end = layer + 1 < _ringOffset.Length ? stream * _ringFloats + _ringOffset[layer + 1] : (stream + 1) * _ringFloats;
        return _rings.AsSpan(start, end - start);
    }
}
