using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Ada.Inference.Kernels;

namespace Ada.Inference;

/// <summary>
/// Incremental WaveNet ("Fast WaveNet"): each dilated layer keeps a ring of its last d inputs, so a step
/// costs O(layers), not O(receptive field). Weights are packed once for <see cref="MatVec"/> (fp32, or bf16 to halve the
/// bytes a step reads); a step advances a whole batch of independent streams so each weight is read once for all of them.
/// </summary>
public sealed class FastWaveNet : IIncrementalWaveNet
{
    readonly WaveNetSpec _spec;
    readonly int _gatePad, _resSkipPad, _skipPad, _classPad;
    readonly float[] _embedding;            // (Q, R)
    readonly Matrices<float>? _fp32;        // exactly one of these two is set, by the precision
    readonly Matrices<ushort>? _bf16;
    readonly float[][] _resSkipBias;        // per layer (resSkipPad)
    readonly float[] _gateBias;             // (max(k,1), L, gatePad): dilated bias + conditioning per code
    readonly float[] _out1Bias, _out2Bias;  // (skipPad), (classPad)

    /// <summary>The transposed weight matrices the kernels read, in the element type of their weight format.</summary>
    /// <param name="DilatedT">Per layer (2R, gatePad): rows 0..R−1 read t − d, rows R..2R−1 read t.</param>
    /// <param name="ResSkipT">Per layer (G, resSkipPad): columns [residual R | skip S].</param>
    /// <param name="Out1T">(S, skipPad).</param>
    /// <param name="Out2T">(S, classPad).</param>
    sealed record Matrices<T>(T[][] DilatedT, T[][] ResSkipT, T[] Out1T, T[] Out2T)
    {
        /// <summary>The same matrices with every array converted (fp32 → bf16).</summary>
        public Matrices<TOut> Convert<TOut>(Func<T[], TOut[]> convert) => new(DilatedT.Select(convert).ToArray(), ResSkipT.Select(convert).ToArray(), convert(Out1T), convert(Out2T));
    }

    /// <summary>Packs <paramref name="weights"/> for the kernels of <paramref name="path"/>, the matrices stored in <paramref name="precision"/>.</summary>
    public FastWaveNet(WaveNetWeights weights, KernelPath? path = null, WeightPrecision precision = WeightPrecision.Float32)
    {
        weights.Validate();
        Path = path ?? KernelPaths.Best;
        Precision = precision;
        if (!KernelPaths.IsSupported(Path)) throw new PlatformNotSupportedException($"{Path} kernels are not accelerated on this CPU");
        var s = _spec = weights.Spec;
        int r = s.Residual, g = s.Gate, sk = s.Skip, l = s.Layers;
        _gatePad = MatVec.Pad(2 * g);
        _resSkipPad = MatVec.Pad(r + sk);
        _skipPad = MatVec.Pad(sk);
        _classPad = MatVec.Pad(s.Classes);
        _embedding = weights.Embedding;

        var dilatedT = new float[l][];
        var resSkipT = new float[l][];
        _resSkipBias = new float[l][];
        for (int layer = 0; layer < l; layer++)
        {
            var wd = weights.DilatedWeight[layer];
            var dt = dilatedT[layer] = new float[2 * r * _gatePad];
            for (int o = 0; o < 2 * g; o++)
                for (int i = 0; i < r; i++)
                {
                    dt[i * _gatePad + o] = wd[(o * r + i) * 2];
                    dt[(r + i) * _gatePad + o] = wd[(o * r + i) * 2 + 1];
                }
            var rs = resSkipT[layer] = new float[g * _resSkipPad];
            for (int c = 0; c < g; c++)
            {
                for (int o = 0; o < r; o++) rs[c * _resSkipPad + o] = weights.ResidualWeight[layer][o * g + c];
                for (int o = 0; o < sk; o++) rs[c * _resSkipPad + r + o] = weights.SkipWeight[layer][o * g + c];
            }
            var bias = _resSkipBias[layer] = new float[_resSkipPad];
            weights.ResidualBias[layer].CopyTo(bias, 0);
            weights.SkipBias[layer].CopyTo(bias, r);
        }

        int codes = Math.Max(s.CondClasses, 1);
        _gateBias = new float[codes * l * _gatePad];
        for (int code = 0; code < codes; code++)
            for (int layer = 0; layer < l; layer++)
            {
                var row = _gateBias.AsSpan((code * l + layer) * _gatePad, 2 * g);
                weights.DilatedBias[layer].CopyTo(row);
                if (s.IsConditioned) TensorPrimitives.Add(row, weights.CondTable.AsSpan((code * l + layer) * 2 * g, 2 * g), row);
            }

        _out1Bias = PadTo(weights.Out1Bias, _skipPad);
        _out2Bias = PadTo(weights.Out2Bias, _classPad);
        var matrices = new Matrices<float>(dilatedT, resSkipT, Transpose(weights.Out1Weight, sk, sk, _skipPad), Transpose(weights.Out2Weight, s.Classes, sk, _classPad));
        if (precision == WeightPrecision.BFloat16) _bf16 = matrices.Convert(BFloat16Bits.Round);
        else _fp32 = matrices;
    }

    /// <summary>The model's shape.</summary>
    public WaveNetSpec Spec => _spec;

    /// <summary>The kernel path in use.</summary>
    public KernelPath Path { get; }

    /// <summary>How the weight matrices are stored.</summary>
    public WeightPrecision Precision { get; }

    /// <summary>The kernel path and weight precision, e.g. "Vector512" or "Vector512+bf16": the CPU sampler is bit-identical per backend.</summary>
    public string Backend => BackendName(Path, Precision);

    /// <summary>The backend name of <paramref name="path"/> with <paramref name="precision"/> weights (fp32 adds nothing, so older names still mean fp32).</summary>
    public static string BackendName(KernelPath path, WeightPrecision precision) =>
        precision == WeightPrecision.Float32 ? path.ToString() : $"{path}+{WeightPrecisions.Name(precision)}";

    /// <summary>The kernel path and precision of a <see cref="BackendName"/>.</summary>
    public static (KernelPath Path, WeightPrecision Precision) ParseBackend(string backend)
    {
        var parts = backend.Split('+');
        if (parts.Length > 2 || !Enum.TryParse<KernelPath>(parts[0], out var path))
            throw new ArgumentException($"unknown sampler backend '{backend}': a kernel path ({string.Join(", ", Enum.GetNames<KernelPath>())}), optionally +bf16");
        return (path, parts.Length == 2 ? WeightPrecisions.Parse(parts[1]) : WeightPrecision.Float32);
    }

    /// <summary>Fresh state for <paramref name="batch"/> streams at t = 0.</summary>
    public WaveNetState CreateState(int batch) => new(_spec, batch, _gatePad, _resSkipPad, _skipPad, _classPad);

    /// <summary>Fresh streams that step this net with their own <see cref="WaveNetState"/>.</summary>
    public IWaveNetStreams CreateStreams(int batch) => new Streams(this, CreateState(batch), null);

    /// <summary>This net, with streams whose steps charge their time per phase to <paramref name="profile"/> (for profiling passes, not the timed loop).</summary>
    public IIncrementalWaveNet Profiled(PhaseProfile profile) => new ProfiledNet(this, profile);

    sealed class ProfiledNet(FastWaveNet net, PhaseProfile profile) : IIncrementalWaveNet
    {
        public WaveNetSpec Spec => net.Spec;
        public string Backend => net.Backend;
        public IWaveNetStreams CreateStreams(int batch) => new Streams(net, net.CreateState(batch), profile);
    }

    sealed class Streams(FastWaveNet net, WaveNetState state, PhaseProfile? profile) : IWaveNetStreams
    {
        public int Batch => state.Batch;
        public long Time => state.Time;
        public void Step(ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits)
        {
            if (profile == null) net.Step(state, previous, codes, logits);
            else net.Step(state, previous, codes, logits, profile);
        }
        public void Dispose() { } // Managed arrays only.
    }

    /// <summary>
    /// Advances every stream of <paramref name="state"/> by one sample and writes their logits.
    /// </summary>
    /// <param name="state">Streams to advance.</param>
    /// <param name="previous">Previous class of each stream.</param>
    /// <param name="codes">Current conditioning code of each stream (ignored when unconditional).</param>
    /// <param name="logits">Q logits per stream, stream b at b × Q.</param>
    public void Step(WaveNetState state, ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits)
    {
        var profiler = new NoPhaseProfiler();
        Step(state, previous, codes, logits, ref profiler);
    }

    /// <summary>
    /// The same step, charging Stopwatch ticks per <see cref="SamplerPhase"/> to <paramref name="profile"/>
    /// (the timestamps cost a few percent, so profile in a separate pass).
    /// </summary>
    public void Step(WaveNetState state, ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits, PhaseProfile profile)
    {
        var profiler = new StopwatchPhaseProfiler(profile.Ticks);
        Step(state, previous, codes, logits, ref profiler);
    }

    void Step<TProfiler>(WaveNetState state, ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits, ref TProfiler profiler)
        where TProfiler : struct, IPhaseProfiler
    {
        int batch = state.Batch;
        if (previous.Length < batch || logits.Length < batch * _spec.Classes || (_spec.IsConditioned && codes.Length < batch))
            throw new ArgumentException($"step needs {batch} previous classes{(_spec.IsConditioned ? ", codes" : "")} and {batch * _spec.Classes} logits");
        if (_bf16 != null) Step<BFloat16Weights, ushort, TProfiler>(_bf16, state, previous, codes, logits, ref profiler);
        else Step<Float32Weights, float, TProfiler>(_fp32!, state, previous, codes, logits, ref profiler);
    }

    void Step<TFormat, TElement, TProfiler>(Matrices<TElement> w, WaveNetState state, ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits, ref TProfiler profiler)
        where TFormat : struct, IWeightFormat<TElement> where TElement : unmanaged where TProfiler : struct, IPhaseProfiler
    {
        switch (Path)
        {
            case KernelPath.Vector512: Step<Simd512, TFormat, TElement, TProfiler>(w, state, previous, codes, logits, ref profiler); break;
            case KernelPath.Vector256: Step<Simd256, TFormat, TElement, TProfiler>(w, state, previous, codes, logits, ref profiler); break;
            default: Step<Simd128, TFormat, TElement, TProfiler>(w, state, previous, codes, logits, ref profiler); break;
        }
    }

    // The kernels skip tiering: tier-0 SIMD code is many times slower, and a take's first second of audio
    // would otherwise run through it (and then through PGO instrumentation) before reaching full speed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Step<TSimd, TFormat, TElement, TProfiler>(Matrices<TElement> w, WaveNetState st, ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits, ref TProfiler profiler)
        where TSimd : struct, ISimd<TSimd> where TFormat : struct, IWeightFormat<TElement> where TElement : unmanaged where TProfiler : struct, IPhaseProfiler
    {
        profiler.Start();
        var s = _spec;
        int r = s.Residual, g = s.Gate, sk = s.Skip, q = s.Classes, batch = st.Batch;
        for (int b = 0; b < batch; b++)
        {
            int cls = previous[b];
            if ((uint)cls >= (uint)q) throw new ArgumentOutOfRangeException(nameof(previous), $"class {cls} outside 0..{q - 1}");
            var hs = st.ResSkip.AsSpan(b * _resSkipPad, _resSkipPad);
            _embedding.AsSpan(cls * r, r).CopyTo(hs);
            hs[r..].Clear();
        }
        profiler.Mark(SamplerPhase.Embedding);

        for (int layer = 0; layer < s.Layers; layer++)
        {
            int d = s.Dilation(layer);
            int slot = (int)(st.Time % d);
            for (int b = 0; b < batch; b++)
            {
                var h = st.ResSkip.AsSpan(b * _resSkipPad, r);
                var ring = st.Ring(b, layer).Slice(slot * r, r);
                var x = st.Input.AsSpan(b * 2 * r, 2 * r);
                ring.CopyTo(x);
                h.CopyTo(x[r..]);
                h.CopyTo(ring);
                int code = s.IsConditioned ? CheckCode(codes[b]) : 0;
                _gateBias.AsSpan((code * s.Layers + layer) * _gatePad, _gatePad).CopyTo(st.Gate.AsSpan(b * _gatePad, _gatePad));
            }
            profiler.Mark(SamplerPhase.Ring);
            MatVec.MultiplyAccumulate<TSimd, TFormat, TElement>(w.DilatedT[layer], 2 * r, _gatePad, st.Input, 2 * r, st.Gate, _gatePad, batch);
            profiler.Mark(SamplerPhase.Dilated);

            for (int b = 0; b < batch; b++)
            {
                var a = st.Gate.AsSpan(b * _gatePad, 2 * g);
                var z = st.Gated.AsSpan(b * g, g);
                TensorPrimitives.Tanh(a[..g], z);
                TensorPrimitives.Sigmoid(a[g..], a[g..]);
                TensorPrimitives.Multiply(z, a[g..], z);
                var hs = st.ResSkip.AsSpan(b * _resSkipPad, _resSkipPad);
                TensorPrimitives.Add(hs, _resSkipBias[layer], hs);
            }
            profiler.Mark(SamplerPhase.Gate);
            MatVec.MultiplyAccumulate<TSimd, TFormat, TElement>(w.ResSkipT[layer], g, _resSkipPad, st.Gated, g, st.ResSkip, _resSkipPad, batch);
            profiler.Mark(SamplerPhase.ResidualSkip);
        }
        st.Time++;

        for (int b = 0; b < batch; b++)
        {
            TensorPrimitives.Max(st.ResSkip.AsSpan(b * _resSkipPad + r, sk), 0f, st.Head.AsSpan(b * sk, sk));
            _out1Bias.CopyTo(st.Hidden.AsSpan(b * _skipPad, _skipPad));
        }
        MatVec.MultiplyAccumulate<TSimd, TFormat, TElement>(w.Out1T, sk, _skipPad, st.Head, sk, st.Hidden, _skipPad, batch);
        for (int b = 0; b < batch; b++)
        {
            TensorPrimitives.Max(st.Hidden.AsSpan(b * _skipPad, sk), 0f, st.Head.AsSpan(b * sk, sk));
            _out2Bias.CopyTo(st.Output.AsSpan(b * _classPad, _classPad));
        }
        MatVec.MultiplyAccumulate<TSimd, TFormat, TElement>(w.Out2T, sk, _classPad, st.Head, sk, st.Output, _classPad, batch);
        for (int b = 0; b < batch; b++) st.Output.AsSpan(b * _classPad, q).CopyTo(logits.Slice(b * q, q));
        profiler.Mark(SamplerPhase.Head);

        int CheckCode(int code) => (uint)code < (uint)s.CondClasses ? code
            : throw new ArgumentOutOfRangeException(nameof(codes), $"code {code} outside 0..{s.CondClasses - 1}");
    }

    static float[] Transpose(float[] rowMajor, int rows, int cols, int rowsPadded)
    {
        var t = new float[cols * rowsPadded];
        for (int o = 0; o < rows; o++)
            for (int i = 0; i < cols; i++) t[i * rowsPadded + o] = rowMajor[o * cols + i];
        return t;
    }

    static float[] PadTo(float[] values, int length)
    {
        var padded = new float[length];
        values.CopyTo(padded, 0);
        return padded;
    }
}
