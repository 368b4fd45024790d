using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>One ADA level: encoder → quantiser → modulator → conditional WaveNet decoder over this level's signal.</summary>
public sealed class AdaLevel : LevelModel
{
    internal readonly Encoder encoder;
    internal readonly Quantiser quantiser;
    internal readonly Modulator modulator;
    internal readonly WaveNet decoder;

    AutoencoderConfig Auto => Config.Autoencoder!;

    /// <summary>Builds the level a config of kind ada-amae or ada-vq describes.</summary>
    public AdaLevel(ModelConfig config) : base("ada", config)
    {
        if (!ModelKind.IsAda(config.Kind) || config.Autoencoder is null)
            throw new ArgumentException($"AdaLevel needs kind {ModelKind.AdaAmae} or {ModelKind.AdaVq} with an autoencoder section, got '{config.Kind}'");
        var a = config.Autoencoder;
        encoder = new Encoder(EncoderInputs(config), a.EncoderChannels, QueryChannels(config), a.Hop);
        quantiser = IsVq(config) ? new VqQuantiser(a.Codes, a.CodeDim) : new AmaeQuantiser(a.Codes);
        modulator = new Modulator(QueryChannels(config), IsVq(config), a.CondChannels, ConditionChannels(config));
        decoder = new WaveNet(config.WaveNet, config.Classes, config.PadClass);
        RegisterComponents();
    }

    static bool IsVq(ModelConfig c) => c.Kind == ModelKind.AdaVq;
    // level 1 reads the mu-law-decoded waveform (1 channel); higher levels read one-hot codes (Q channels)
    static int EncoderInputs(ModelConfig c) => c.Level == 1 ? 1 : c.Classes;
    static int QueryChannels(ModelConfig c) => IsVq(c) ? c.Autoencoder!.CodeDim : c.Autoencoder!.Codes;
    static int ConditionChannels(ModelConfig c) => c.WaveNet.Layers * 2 * c.WaveNet.Gate;

    /// <summary>Names and shapes of the encoder, quantiser and modulator parameters (prefixed, unsorted).</summary>
    internal static IEnumerable<WeightSpec> AutoencoderLayout(ModelConfig c)
    {
        var a = c.Autoencoder!;
        var encoder = Encoder.Layout(EncoderInputs(c), a.EncoderChannels, QueryChannels(c), a.Hop).Select(w => w.Under("encoder"));
        var quantiser = IsVq(c) ? VqQuantiser.Layout(a.Codes, a.CodeDim).Select(w => w.Under("quantiser")) : [];
        var modulator = Modulator.Layout(QueryChannels(c), IsVq(c), a.CondChannels, ConditionChannels(c)).Select(w => w.Under("modulator"));
        return encoder.Concat(quantiser).Concat(modulator);
    }

    /// <summary>The autoregressive local model over this level's signal.</summary>
    public WaveNet Decoder => decoder;

    /// <summary>The quantiser (AMAE or VQ).</summary>
    public Quantiser Quantiser => quantiser;

    /// <summary>Samples of the signal per code frame.</summary>
    public int Hop => Auto.Hop;

    /// <summary>k, the number of codes (the classes of the level above).</summary>
    public int Codes => Auto.Codes;

    /// <summary>classes (B, T) → encoder input: (B, 1, T) waveform at level 1, (B, Q, T) one-hot above.</summary>
    public Tensor EncoderInput(Tensor classes) =>
        Config.Level == 1
            ? MuLaw.Decode(classes).unsqueeze(1)
            : F.one_hot(classes, Config.Classes).permute(0, 2, 1).to_type(ScalarType.Float32);

    /// <summary>classes (B, T) → quantised queries (B, k or d, T/hop), codes (B, T/hop) and quantiser losses.</summary>
    public QuantiserOutput Quantise(Tensor classes) => quantiser.forward(encoder.forward(EncoderInput(classes)));

    /// <summary>classes (B, T) → {"nll" bits/sample, "diversity" | "codebook" + "commitment"}; total = nll + weighted terms.</summary>
    public override LossOutput Loss(Tensor classes)
    {
        var q = Quantise(classes);
        var logits = decoder.TimeMajorLogits(classes, modulator.forward(q.Quantised));   // (B, T, Q)
        var nll = NllBits(logits, classes);
        var terms = new Dictionary<string, Tensor>(q.Losses) { ["nll"] = nll };
        var total = IsVq(Config)
            ? nll.Plus(q.Losses["codebook"]).Plus(q.Losses["commitment"].Times(Auto.CommitmentBeta))
            : nll.Plus(q.Losses["diversity"].Times(Auto.DiversityWeight));
        return new(total, terms, q.Codes);
    }

    /// <summary>classes (B, T) → codes (B, T/hop) int64, without gradients.</summary>
    public Tensor Encode(Tensor classes)
    {
        using var _ = no_grad();
        return Quantise(classes).Codes;
    }

    /// <summary>codes (B, F) → per-frame conditioning (B, L·2G, F), as the decoder sees it when sampling.</summary>
    public Tensor Conditioning(Tensor codes) => modulator.forward(quantiser.Lookup(codes));

    /// <summary>Teacher-forced logits (B, Q, T) of classes (B, T) given codes (B, T/hop).</summary>
    public Tensor Logits(Tensor classes, Tensor codes) => decoder.forward(classes, Conditioning(codes));

    /// <summary>The sampler's table: conditioning of every code for every layer, (k, L, 2G).</summary>
    public Tensor ConditioningTable()
    {
        using var _ = no_grad();
        var device = decoder.Device;
        return modulator.Table(quantiser.CodeVectors(device), Config.WaveNet.Layers);
    }

    /// <summary>codes (B, F) → sampled signal (B, F·hop) with the reference sampler (RNG stream = this level).</summary>
    public Tensor Decode(Tensor codes, SamplingOptions options)
    {
        using var _ = no_grad();
        return ReferenceSampler.Sample(decoder, (int)codes.shape[0], codes.shape[1] * Hop, Conditioning(codes), options, Config.Level);
    }
}
