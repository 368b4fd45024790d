using System.Diagnostics;

namespace Ada.Models;

/// <summary>Training throughput of a reference WaveNet through the real <see cref="Trainer"/> step (benchmarks/pytorch mirrors it).</summary>
public static class TrainingBenchmark
{
    /// <summary>The reference decoder: 30 layers (dilations 1..512 three times), R = 64, gate conv output 128 (G = 64 per half), S = 128, Q = 256.</summary>
    public static ModelConfig ReferenceModel { get; } = new(ModelKind.WaveNet, 1, ModelConfig.AudioClasses, new DecoderConfig(30, 10, 64, 64, 128));

    /// <summary>Times <paramref name="steps"/> training steps after <paramref name="warmup"/> untimed ones on synthetic audio.</summary>
    public static BenchmarkResult Measure(int threads = 2, int batch = 4, int length = 8000, int warmup = 2, int steps = 10, ModelConfig? model = null, string device = "cpu")
    {
        model ??= ReferenceModel;
        var config = new RunConfig("bench", model,
            new DataConfig(["synthetic:sine"], "train", length),
            new TrainingConfig(batch, warmup + steps, 1e-3, 1, Path.Combine(Path.GetTempPath(), "ada-bench-unused"), device, threads, Resume: false));
        using var trainer = new Trainer(config, new SineBatchSource(batch, length, 1));
        for (var i = 0; i < warmup; i++) trainer.TrainStep();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) trainer.TrainStep();
        var seconds = watch.Elapsed.TotalSeconds / steps;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds / steps;
        var parameters = trainer.Model.parameters().Sum(p => p.numel());
        var d = model.WaveNet;
        return new BenchmarkResult($"{model.Kind} L={d.Layers} R={d.Residual} G={d.Gate} S={d.Skip} Q={model.Classes}",
            threads, batch, length, steps, parameters, seconds, batch * length / seconds, cpuSeconds, batch * length / cpuSeconds);
    }
}
