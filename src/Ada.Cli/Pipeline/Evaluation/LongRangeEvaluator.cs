using System.Diagnostics;
using Ada.Audio;
using Ada.Data;
using Ada.Models;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// Generates long unconditional clips from model bundles with the fast sampler (as `ada render` does), crops real pieces
/// of the same length, and compares each clip's first and last segments (chroma, loudness); writes spectrograms and short
/// WAV excerpts for the report.
/// </summary>
public static class LongRangeEvaluator
{
    const int Rate = 16000;

    /// <summary>Evaluates <paramref name="models"/> (model.json files) and, when given, crops of <paramref name="realDataset"/>'s test split; <paramref name="progress"/> gets (source, clips done, clips total).</summary>
    public static LongRangeEvaluation Evaluate(IReadOnlyList<string> models, string? realDataset, LongRangeOptions options,
        Action<string, int, int>? progress = null)
    {
        options.Validate();
        if (models.Count == 0 && realDataset is null) throw new ArgumentException("nothing to evaluate: give --model and/or --real");
        var sources = models.Select(m => Model(ModelBundle.Load(m), options, progress)).ToList();
        double? realHours = null;
        if (realDataset is not null && options.RealPieces > 0)
        {
            var manifest = CachePaths.Manifest(realDataset);
            realHours = ManifestFile.Read(manifest).Summary.Test.Hours;
            sources.Add(Real(manifest, options, progress));
        }
        return new LongRangeEvaluation(options.Seconds, options.SegmentSeconds, options.Seed, options.Temperature, realDataset, realHours,
            MachineInfo.Describe(), sources);
    }

    static SourceStats Model(ModelBundle bundle, LongRangeOptions options, Action<string, int, int>? progress)
    {
        var name = bundle.Info.Name;
        var renderer = new StemRenderer(bundle);
        var temperatures = Enumerable.Repeat(options.Temperature, bundle.Weights.Count).ToArray();
        int samples = (int)Math.Round(options.Seconds * Rate);
        var clips = new List<float[]>();
        var clock = new Stopwatch();
        progress?.Invoke(name, 0, options.Samples);
        for (int i = 0; i < options.Samples; i++)
        {
            // one stream at a time: the real-time factor is that of a single take on one core
            clock.Start();
            clips.Add(renderer.Render((ulong)options.Seed, [i], temperatures, samples)[0]);
            clock.Stop();
            progress?.Invoke(name, i + 1, options.Samples);
        }
        var levels = bundle.Checkpoints.Select(c => new LevelTraining(Path.GetFileName(c.Path), c.Model.Kind, c.Model.Level, c.Step,
            c.Header.ElapsedSeconds, c.Header.Run?.Training.Threads ?? 0,
            c.Header.Run is { } run ? (long)run.Training.BatchSize * run.Data.CropLength : 0)).ToList();
        var audio = Path.Combine(options.MediaDir, "audio", $"longrange-{FileSlug.Of(name)}.wav");
        int excerpt = Math.Min(samples, (int)(options.AudioSeconds * Rate));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(audio))!);
        AudioFile.WriteWav(audio, new AudioBuffer(clips[0][..excerpt], Rate, 1));
        return Summarise(name, "model", bundle.Path, levels, options.Samples * options.Seconds / clock.Elapsed.TotalSeconds,
            clips.Select((c, i) => ($"{name} variation {i}", c)).ToList(), options, audio);
    }

    static SourceStats Real(string manifest, LongRangeOptions options, Action<string, int, int>? progress)
    {
        int samples = (int)Math.Round(options.Seconds * Rate);
        using var sampler = CropSampler.Open(manifest, DataSplit.Test, new CropSamplerOptions(samples, 1, (ulong)options.Seed));
        var clips = new List<(string, float[])>();
        progress?.Invoke("real test pieces", 0, options.RealPieces);
        for (int i = 0; i < options.RealPieces; i++)
        {
            var batch = sampler.Batch(i);
            clips.Add(($"{batch.Locations[0].Id} @ {batch.Locations[0].Offset / (double)Rate:F1} s", batch.Samples.Select(s => s / 32768f).ToArray()));
            progress?.Invoke("real test pieces", i + 1, options.RealPieces);
        }
        return Summarise("real test pieces", "real", manifest, [], null, clips, options, audio: null);
    }

    static SourceStats Summarise(string name, string kind, string source, IReadOnlyList<LevelTraining> levels, double? realTimeFactor,
        IReadOnlyList<(string Label, float[] Samples)> clips, LongRangeOptions options, string? audio)
    {
        var stats = clips.Select(c => ClipStats.Of(c.Label, c.Samples, Rate, options.SegmentSeconds)).ToList();
        double chance = stats.SelectMany((a, i) => stats.Where((_, j) => j != i).Select(b => Chroma.Correlation(a.ChromaFirst, b.ChromaLast))).Average();
        var png = Path.Combine(options.MediaDir, $"longrange-{FileSlug.Of(name)}.png");
        CompactSpectrogram.Save(clips[0].Samples, png, $"{name}: {clips[0].Label}");
        return new SourceStats(name, kind, ResultPaths.Portable(source), levels, realTimeFactor, stats, chance, png, audio);
    }

}
