using static TorchSharp.torch;

namespace Ada.Models.Tests;

/// <summary>Tiny configs and signals shared by the tests.</summary>
static class Tiny
{
    // dilations 1, 2, 4, 1 → receptive field 1 + 8 = 9
    public static readonly DecoderConfig Decoder = new(Layers: 4, DilationCycle: 3, Residual: 8, Gate: 6, Skip: 10);

    public static ModelConfig WaveNet(int level = 1, int classes = 256, DecoderConfig? decoder = null) =>
        new(ModelKind.WaveNet, level, classes, decoder ?? Decoder);

    public static ModelConfig Amae(int level = 1, int classes = 256, int hop = 4, int codes = 8, DecoderConfig? decoder = null) =>
        new(ModelKind.AdaAmae, level, classes, decoder ?? Decoder, new AutoencoderConfig(hop, codes, 8, 8, DiversityWeight: 0.01));

    public static ModelConfig Vq(int level = 1, int classes = 256, int hop = 4, int codes = 8) =>
        new(ModelKind.AdaVq, level, classes, Decoder, new AutoencoderConfig(hop, codes, 8, 8, CodeDim: 5, CommitmentBeta: 0.25));

    public static ModelConfig Transformer(int level = 2, int classes = 8, int layers = 2, int context = 16) =>
        new(ModelKind.Transformer, level, classes, null, Transformer: new TransformerConfig(layers, 8, 2, context));

    public static ModelConfig ByKind(string kind) => kind switch
    {
        ModelKind.AdaAmae => Amae(),
        ModelKind.AdaVq => Vq(),
        ModelKind.Transformer => Transformer(),
        _ => WaveNet(),
    };

    public static T Build<T>(ModelConfig config, int seed = 1) where T : LevelModel
    {
        manual_seed(seed);
        return (T)LevelModel.Create(config);
    }

    public static RunConfig Run(ModelConfig model, string dir, int steps, int crop = 64, int batch = 2, double lr = 1e-3, int checkpointInterval = 1000) =>
        new RunConfig("test", model, new DataConfig(["synthetic:sine"], "train", crop, LowerLevel: model.Level >= 2 ? "not-read-by-fixed-batches" : null),
            new TrainingConfig(batch, steps, lr, 7, dir, "cpu", 1, 1.0, 1, checkpointInterval)).Validate();

    /// <summary>Uniform random classes (B, T) from a seeded torch generator.</summary>
    public static Tensor RandomClasses(int batch, int length, int classes = 256, int seed = 3)
    {
        manual_seed(seed);
        return randint(0, classes, [batch, length], dtype: ScalarType.Int64);
    }

    public static float[] Floats(Tensor t) => t.detach().cpu().contiguous().data<float>().ToArray();

    public static long[] Longs(Tensor t) => t.cpu().contiguous().data<long>().ToArray();

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ada-models-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>Fixed batches for the trainer: the same tensor at every step.</summary>
sealed class FixedBatchSource(Tensor batch, int classes = 256) : IBatchSource
{
    public int Classes => classes;

    public Tensor Batch(long step) => batch.clone();
}
