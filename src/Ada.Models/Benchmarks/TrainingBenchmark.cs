using System.Diagnostics;

namespace Ada.Models;

/// <summary>Training throughput of a reference WaveNet through the real <see cref="Trainer"/> step (benchmarks/pytorch mirrors it).</summary>
public static class TrainingBenchmark
{
    /// <summary>The reference decoder: 30 layers (dilations 1..512 three times), R = 64, gate conv output 128 (G = 64 per half), S = 128, Q = 256.</summary>
    public static ModelConfig ReferenceModel { get; } = new(ModelKind.WaveNet, 1, ModelConfig.AudioClasses, new DecoderConfig(30, 10, 64, 64, 128));

    /// <summary>
    /// Times <paramref name="steps"/> training steps after <paramref name="warmup"/> untimed ones on synthetic data: sines at
    /// level 1, uniform random codes above (a model's step time does not depend on what its codes say).
    /// </summary>
    public static BenchmarkResult Measure(int threads = 2, int batch = 4, int length = 8000, int warmup = 2, int steps = 10, ModelConfig? model = null, string device = "cpu")
    {
        model ??= ReferenceModel;
        var config = new RunConfig("bench", model,
            // the batch source below stands in for the data, so the lower level named here is never read
            new DataConfig(["synthetic"], "train", length, LowerLevel: model.Level >= 2 ? "synthetic-codes" : null),
            new TrainingConfig(batch, warmup + steps, 1e-3, 1, Path.Combine(Path.GetTempPath(), "ada-bench-unused"), device, threads, Resume: false));
        IBatchSource source = model.Level == 1 ? new SineBatchSource(batch, length, 1) : new RandomClassSource(batch, length, model.Classes, 1);
        using var trainer = new Trainer(config, source);
        for (var i = 0; i < warmup; i++) trainer.TrainStep();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) trainer.TrainStep();
        var seconds = watch.Elapsed.TotalSeconds / steps;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds / steps;
        var parameters = trainer.Model.parameters().Sum(p => p.numel());
        return new BenchmarkResult(model.Describe(),
            threads, batch, length, steps, parameters, seconds, batch * length / seconds, cpuSeconds, batch * length / cpuSeconds);
    }
}
