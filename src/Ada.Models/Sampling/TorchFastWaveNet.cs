using Ada.Inference;
using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>
/// The fast sampler's incremental WaveNet run through TorchSharp on a device (CPU or CUDA): the same exported
/// <see cref="WaveNetWeights"/> as <see cref="FastWaveNet"/>, per-layer queues as device tensors, one step = a few
/// batched matmuls for all streams. Logits come back to the host every step so <see cref="LevelSampler"/> draws
/// with the CPU path's CounterRng and CategoricalSampler. Owns its weights and every stream's queues: dispose it.
/// </summary>
public sealed class TorchFastWaveNet : IIncrementalWaveNet, IDisposable
{
    readonly Tensor _embedding;                 // (Q, R)
    readonly Tensor _gateBias;                  // (max(k,1), L, 2G): dilated bias + conditioning per code, as in FastWaveNet
    readonly Tensor[] _past, _now;              // per layer (R, 2G): dilated taps on h(t − d) and h(t)
    readonly Tensor[] _residual, _residualBias; // per layer (G, R), (R)
    readonly Tensor _skip, _skipBias;           // all layers' skips stacked (L·G, S), their biases summed (S)
    readonly Tensor _out1, _out1Bias, _out2, _out2Bias;
    readonly HashSet<TorchWaveNetStreams> _streams = new();   // live ones only: streams leave when disposed
    readonly Lock _lock = new();                               // the service's workers create and dispose streams concurrently
    bool _disposed;

    /// <summary>Copies <paramref name="weights"/> to <paramref name="device"/> (see <see cref="TorchRuntime.SelectDevice"/>).</summary>
    public TorchFastWaveNet(WaveNetWeights weights, Device device)
    {
        weights.Validate();
        TorchRuntime.EnsureLoaded();
        Spec = weights.Spec;
        Device = device;
        var s = Spec;
        int r = s.Residual, g = s.Gate, sk = s.Skip, l = s.Layers;
        using var scope = NewDisposeScope();
        Tensor Load(float[] values, params long[] shape) => tensor(values, shape, device: device);
        Tensor Keep(Tensor t) => t.contiguous().DetachFromDisposeScope();
        // row-major (out, in) weights become (in, out) so a batch (B, in) multiplies them from the left
        Tensor Transposed(float[] values, long rows, long cols) => Keep(Load(values, rows, cols).t());

        _embedding = Keep(Load(weights.Embedding, s.Classes, r));
        var dilatedBias = stack(weights.DilatedBias.Select(b => Load(b, 2 * g)).ToArray());               // (L, 2G)
        var gateBias = s.IsConditioned ? Load(weights.CondTable!, s.CondClasses, l, 2 * g).Plus(dilatedBias) : dilatedBias.unsqueeze(0);
        _gateBias = Keep(gateBias);
        _past = weights.DilatedWeight.Select(w => Keep(Load(w, 2 * g, r, 2).select(2, 0).t())).ToArray();
        _now = weights.DilatedWeight.Select(w => Keep(Load(w, 2 * g, r, 2).select(2, 1).t())).ToArray();
        _residual = weights.ResidualWeight.Select(w => Transposed(w, r, g)).ToArray();
        _residualBias = weights.ResidualBias.Select(b => Keep(Load(b, r))).ToArray();
        _skip = Keep(cat(weights.SkipWeight.Select(w => Load(w, sk, g).t()).ToArray(), 0));
        _skipBias = Keep(stack(weights.SkipBias.Select(b => Load(b, sk)).ToArray()).sum(dim: 0));
        _out1 = Transposed(weights.Out1Weight, sk, sk);
        _out1Bias = Keep(Load(weights.Out1Bias, sk));
        _out2 = Transposed(weights.Out2Weight, s.Classes, sk);
        _out2Bias = Keep(Load(weights.Out2Bias, s.Classes));
    }

    /// <summary>The model's shape.</summary>
    public WaveNetSpec Spec { get; }

    /// <summary>Where the weights and queues live.</summary>
    public Device Device { get; }

    /// <summary>"torch:DEVICE": bit-identity is promised per device.</summary>
    public string Backend => $"torch:{Device}";

    /// <summary>Fresh streams at t = 0 (zero queues: the forward pass's left padding); disposed by the caller or with this net.</summary>
    public IWaveNetStreams CreateStreams(int batch)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var streams = new TorchWaveNetStreams(this, batch);
            _streams.Add(streams);
            return streams;
        }
    }

    /// <summary>Frees the device tensors of the weights and of every stream not yet disposed.</summary>
    public void Dispose()
    {
        TorchWaveNetStreams[] streams;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            streams = _streams.ToArray();
        }
        foreach (var s in streams) s.Dispose();
        foreach (var t in new[] { _embedding, _gateBias, _skip, _skipBias, _out1, _out1Bias, _out2, _out2Bias }
                     .Concat(_past).Concat(_now).Concat(_residual).Concat(_residualBias)) t.Dispose();
    }

    /// <summary>Drops <paramref name="streams"/> from the live set; false when it already left (disposed twice, or by the net's Dispose).</summary>
    internal bool Forget(TorchWaveNetStreams streams)
    {
        lock (_lock) return _streams.Remove(streams);
    }

    /// <summary>One step for all streams: x (B) int64 and codes (B) int64 on the device (codes null when unconditional) → logits (B, Q).</summary>
    internal Tensor Step(Tensor[] queues, long time, Tensor x, Tensor? codes)
    {
        var s = Spec;
        int g = s.Gate;
        var h = _embedding.index_select(0, x);                                    // (B, R)
        var gateBias = codes is null ? _gateBias.select(0, 0) : _gateBias.index_select(0, codes); // (L, 2G) or (B, L, 2G)
        var gated = new Tensor[s.Layers];
        for (int l = 0; l < s.Layers; l++)
        {
            var past = queues[l].select(0, time % s.Dilation(l));                // h(t − d), a view of the ring slot
            var a = gateBias.select(-2, l).addmm(past, _past[l]).addmm_(h, _now[l]);   // (B, 2G)
            var z = gated[l] = a.narrow(1, 0, g).tanh().mul_(a.narrow(1, g, g).sigmoid());
            past.copy_(h);                                                        // the slot now holds h(t) for step t + d
            if (l + 1 < s.Layers) h = h.Plus(_residualBias[l]).addmm_(z, _residual[l]);  // the last layer's h is never read
        }
        var skip = _skipBias.addmm(cat(gated, 1), _skip);                       // Σ_l Wskip_l · z_l + b in one matmul
        var hidden = _out1Bias.addmm(skip.relu_(), _out1).relu_();
        return _out2Bias.addmm(hidden, _out2);
    }
}

/// <summary>The per-layer queues of a <see cref="TorchFastWaveNet"/> batch: layer l holds (dilation, B, R) on the device.</summary>
sealed class TorchWaveNetStreams : IWaveNetStreams, IDisposable
{
    readonly TorchFastWaveNet _net;
    readonly Tensor[] _queues;
    readonly long[] _previous, _codes;     // int64 staging for the host → device copy

    public TorchWaveNetStreams(TorchFastWaveNet net, int batch)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), "a state needs at least one stream");
        _net = net;
        Batch = batch;
        var s = net.Spec;
        _queues = Enumerable.Range(0, s.Layers).Select(l => zeros(s.Dilation(l), batch, s.Residual, device: net.Device)).ToArray();
        _previous = new long[batch];
        _codes = new long[batch];
    }

    public int Batch { get; }

    public long Time { get; private set; }

    public void Step(ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits)
    {
        var s = _net.Spec;
        if (previous.Length < Batch || logits.Length < Batch * s.Classes || (s.IsConditioned && codes.Length < Batch))
            throw new ArgumentException($"step needs {Batch} previous classes{(s.IsConditioned ? ", codes" : "")} and {Batch * s.Classes} logits");
        // checked on the host: an index out of range on the device is an unreadable native error (or none on CUDA)
        for (int b = 0; b < Batch; b++)
        {
            _previous[b] = (uint)previous[b] < (uint)s.Classes ? previous[b]
                : throw new ArgumentOutOfRangeException(nameof(previous), $"class {previous[b]} outside 0..{s.Classes - 1}");
            if (s.IsConditioned)
                _codes[b] = (uint)codes[b] < (uint)s.CondClasses ? codes[b]
                    : throw new ArgumentOutOfRangeException(nameof(codes), $"code {codes[b]} outside 0..{s.CondClasses - 1}");
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(_previous, device: _net.Device);
        var c = s.IsConditioned ? tensor(_codes, device: _net.Device) : null;
        var result = _net.Step(_queues, Time, x, c).cpu();                       // the one device → host copy per step
        result.data<float>().CopyTo(logits[..(Batch * s.Classes)]);
        Time++;
    }

    public void Dispose()
    {
        if (_net.Forget(this)) foreach (var q in _queues) q.Dispose();
    }
}
