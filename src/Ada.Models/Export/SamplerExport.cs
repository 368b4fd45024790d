using Ada.Inference;

namespace Ada.Models;

/// <summary>
/// Derives the fast sampler's weights from a checkpoint, in plain C# (no TorchSharp call), so the CPU
/// render path never loads LibTorch. The modulator is pointwise, so it is evaluated once per code into
/// the (k, L, 2G) conditioning table.
/// </summary>
public static class SamplerExport
{
    /// <summary>The decoder (or prior) of <paramref name="checkpoint"/> as <see cref="WaveNetWeights"/>.</summary>
    public static WaveNetWeights Decoder(Checkpoint checkpoint)
    {
        var model = checkpoint.Model;
        if (model.Kind == ModelKind.Transformer)
            throw new CheckpointException($"checkpoint {checkpoint.Path}: a '{ModelKind.Transformer}' prior cannot be sampled: the fast sampler runs WaveNet levels only (the transformer was measured against the WaveNet prior and not chosen, docs/EVALUATION.md)");
        var c = model.WaveNet;
        var w = checkpoint.Weights.ToDictionary(x => x.Name, x => x.Values);
        float[] Get(string name) => w.TryGetValue(name, out var v) ? v
            : throw new CheckpointException($"checkpoint {checkpoint.Path}: weight {name} missing");

        var spec = new WaveNetSpec(model.Classes, c.Residual, c.Gate, c.Skip, c.Layers, c.DilationCycle,
            CondClasses: model.Autoencoder?.Codes ?? 0, Hop: model.Hop, PadClass: model.PadClass);
        // The last layer has no residual projection (nothing reads its output); zeros are equivalent.
        float[] Residual(int l, string part, int size) => w.TryGetValue($"decoder.layers.{l}.residual.{part}", out var v) ? v : new float[size];
        var layers = Enumerable.Range(0, c.Layers).ToArray();
        return new WaveNetWeights
        {
            Spec = spec,
            Embedding = Get("decoder.embed.weight"),
            DilatedWeight = layers.Select(l => Get($"decoder.layers.{l}.dilated.weight")).ToArray(),
            DilatedBias = layers.Select(l => Get($"decoder.layers.{l}.dilated.bias")).ToArray(),
            ResidualWeight = layers.Select(l => Residual(l, "weight", c.Residual * c.Gate)).ToArray(),
            ResidualBias = layers.Select(l => Residual(l, "bias", c.Residual)).ToArray(),
            SkipWeight = layers.Select(l => Get($"decoder.layers.{l}.skip.weight")).ToArray(),
            SkipBias = layers.Select(l => Get($"decoder.layers.{l}.skip.bias")).ToArray(),
            Out1Weight = Get("decoder.head1.weight"),
            Out1Bias = Get("decoder.head1.bias"),
            Out2Weight = Get("decoder.head2.weight"),
            Out2Bias = Get("decoder.head2.bias"),
            CondTable = spec.IsConditioned ? ConditioningTable(model, Get, w.GetValueOrDefault("modulator.embed.bias")) : null,
        };
    }

    /// <summary>Modulator output for every code: (k, L, 2G), row-major.</summary>
    static float[] ConditioningTable(ModelConfig model, Func<string, float[]> get, float[]? embedBias)
    {
        var a = model.Autoencoder!;
        bool vq = model.Kind == ModelKind.AdaVq;
        int k = a.Codes, input = vq ? a.CodeDim : k, channels = a.CondChannels, outputs = model.WaveNet.Layers * 2 * model.WaveNet.Gate;
        var embed = get("modulator.embed.weight");          // (C, input, 1)
        var hiddenW = get("modulator.hidden.weight");       // (C, C, 1)
        var hiddenB = get("modulator.hidden.bias");
        var projectW = get("modulator.project.weight");     // (L·2G, C, 1)
        var projectB = get("modulator.project.bias");
        var codebook = vq ? get("quantiser.codebook") : null;   // (k, d)

        var table = new float[k * outputs];
        var e = new float[channels];
        var m = new float[channels];
        for (int code = 0; code < k; code++)
        {
            for (int o = 0; o < channels; o++)
            {
                if (vq)
                {
                    float sum = embedBias?[o] ?? 0;
                    for (int i = 0; i < input; i++) sum += embed[o * input + i] * codebook![code * input + i];
                    e[o] = sum;
                }
                else e[o] = embed[o * input + code];         // one-hot @ E
            }
            for (int o = 0; o < channels; o++)
            {
                float sum = hiddenB[o];
                for (int i = 0; i < channels; i++) sum += hiddenW[o * channels + i] * e[i];
                m[o] = MathF.Max(sum, 0);
            }
            for (int o = 0; o < outputs; o++)
            {
                float sum = projectB[o];
                for (int i = 0; i < channels; i++) sum += projectW[o * channels + i] * m[i];
                table[code * outputs + o] = sum;
            }
        }
        return table;
    }
}
