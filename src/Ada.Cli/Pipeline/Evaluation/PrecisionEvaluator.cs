using Ada.Data;
using Ada.Inference;
using Ada.Inference.Kernels;
using Ada.Models;
using static TorchSharp.torch;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// The audio-level check of reduced-precision sampler weights: held-out NLL teacher-forced through <see cref="FastWaveNet"/> per
/// weight precision, on the crops <c>ada eval level</c> would score, with the training graph's NLL of the same crops beside them.
/// </summary>
public static class PrecisionEvaluator
{
    /// <summary>One NLL: who scored it (a sampler backend or the training graph) and with which sampler weights (null: the training graph).</summary>
    public sealed record Row(string Scorer, WeightPrecision? Precision, double NllBits);

    /// <summary>
    /// Scores <paramref name="crops"/> crops of <paramref name="cropLength"/> samples of <paramref name="split"/> (seed <paramref name="seed"/>) with the
    /// checkpoint's training graph and with the fast sampler at every <see cref="WeightPrecision"/> (best kernel path), codes from the level's encoder.
    /// </summary>
    public static IReadOnlyList<Row> Evaluate(string checkpointPath, DataSplit split, int crops, int cropLength, int seed)
    {
        var checkpoint = Checkpoint.Read(checkpointPath);
        var run = checkpoint.Header.Run ?? throw new InvalidDataException($"checkpoint {checkpoint.Path}: no run config recorded, so its held-out data is unknown");
        if (crops < 1 || cropLength < 1 || cropLength % checkpoint.Model.Hop != 0)
            throw new ArgumentException($"need ≥ 1 crops of a positive multiple of the hop ({checkpoint.Model.Hop}) samples");
        using var scope = NewDisposeScope();
        var heldOut = LevelEvaluator.Crops(run, split, cropLength, crops, crops, seed)[0];   // (crops, cropLength) classes
        using var model = checkpoint.CreateModel();
        model.eval();
        var rows = new List<Row> { new($"TorchSharp training graph (fp32, {crops} crops in one batch)", null, Metrics.NllBits(model, [heldOut])) };

        var classes = Rows(heldOut);
        var codes = model is AdaLevel level ? Rows(level.Encode(heldOut)) : null;
        var weights = SamplerExport.Decoder(checkpoint);
        foreach (var precision in Enum.GetValues<WeightPrecision>())
        {
            var net = new FastWaveNet(weights, precision: precision);
            rows.Add(new Row($"fast sampler {net.Backend}, teacher-forced", precision, TeacherForcing.NllBits(net, classes, codes)));
        }
        return rows;
    }

    static int[][] Rows(Tensor longs2d)
    {
        var values = longs2d.cpu().contiguous().data<long>().ToArray();
        int width = (int)longs2d.shape[1];
        return Enumerable.Range(0, (int)longs2d.shape[0]).Select(r => values.AsSpan(r * width, width).ToArray().Select(v => (int)v).ToArray()).ToArray();
    }
}
