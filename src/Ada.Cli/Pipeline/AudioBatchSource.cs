using Ada.Audio;
using Ada.Data;
using Ada.Models;
using static TorchSharp.torch;

namespace Ada.Cli.Pipeline;

/// <summary>Level-1 training signal: random PCM crops from a dataset manifest, as 8-bit mu-law classes (B, T).</summary>
public sealed class AudioBatchSource : IBatchSource, IDisposable
{
    readonly CropSampler _sampler;
    readonly byte[] _classes;
    readonly float[] _samples;

    /// <summary>Opens <paramref name="manifest"/>'s <paramref name="split"/> for crops of <paramref name="cropLength"/> samples.</summary>
    public AudioBatchSource(string manifest, DataSplit split, int cropLength, int batchSize, ulong seed)
    {
        _sampler = CropSampler.Open(manifest, split, new CropSamplerOptions(cropLength, batchSize, seed));
        _classes = new byte[cropLength * batchSize];
        _samples = new float[cropLength * batchSize];
        BatchSize = batchSize;
        CropLength = cropLength;
    }

    /// <summary>Crops per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Samples per crop.</summary>
    public int CropLength { get; }

    /// <inheritdoc />
    public int Classes => ModelConfig.AudioClasses;

    /// <inheritdoc />
    public Tensor Batch(long step) => ToClasses(_sampler.Batch(step));

    /// <summary>Every non-overlapping crop of the split in order (for held-out NLL), as (1, T) class tensors.</summary>
    public IEnumerable<Tensor> Evaluation() => _sampler.EvaluationBatches().Select(ToClasses);

    Tensor ToClasses(CropBatch batch)
    {
        var samples = batch.Samples;
        var floats = samples.Length == _samples.Length ? _samples : new float[samples.Length];
        var classes = samples.Length == _classes.Length ? _classes : new byte[samples.Length];
        for (int i = 0; i < samples.Length; i++) floats[i] = samples[i] / 32768f;
        Ada.Audio.MuLaw.Encode(floats, classes);
        return tensor(classes, dtype: ScalarType.Byte).to_type(ScalarType.Int64).reshape(samples.Length / batch.CropLength, batch.CropLength);
    }

    /// <inheritdoc />
    public void Dispose() => _sampler.Dispose();
}
