using System.CommandLine;
using System.Diagnostics;
using Ada.Audio;
using Ada.Cli.Pipeline;
using Ada.Inference.Kernels;
using Ada.Models;
using Ada.Plots;
using Ada.Presets;
using Ada.Service.Models;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada render`: renders stems (one WAV per variation or preset) from presets, with sidecars that reproduce them.</summary>
public static class RenderCommand
{
    const int ModelRate = 16000;

    /// <summary>One stem to render.</summary>
    sealed record Job(Preset Preset, string PresetHash, ModelBundle Model, ulong Seed, int Variation, float[] Temperatures,
        int Samples, int SampleRate, SampleFormat Format, string? Primer, string Out);

    /// <summary>Builds the `render` verb.</summary>
    public static Command Create()
    {
        var preset = new Option<string[]>("--preset") { Description = "Preset file(s) (presets/*.json)", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double?>("--seconds") { Description = "Length in seconds (default: the preset's)" };
        var bars = new Option<double?>("--bars") { Description = "Length in bars (with --bpm or the preset's tempo)" };
        var bpm = new Option<double?>("--bpm") { Description = "Tempo for --bars" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed (default: the preset's)" };
        var variations = new Option<int>("--variations") { Description = "Stems per preset: variations v, v+1, … of the preset's variation", DefaultValueFactory = _ => 1 };
        var primer = new Option<string?>("--primer") { Description = "Audio to continue from (WAV/OGG/MP3); the stems hold the continuation" };
        var output = new Option<string>("--out") { Description = "Output folder, or a .wav file for a single stem", Required = true };
        var format = new Option<SampleFormat?>("--format") { Description = "pcm16, pcm24 or float32 (default: the preset's)" };
        var rate = new Option<int?>("--rate") { Description = "Output sample rate (default: the preset's)" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace existing files" };
        var plot = new Option<bool>("--plot") { Description = "Write a spectrogram + waveform PNG beside each stem" };
        var batch = new Option<bool>("--batch") { Description = "Render stems that share a model as batched streams (same audio, faster)" };
        var sidecar = new Option<string?>("--sidecar") { Description = "Re-render exactly the stem a sidecar JSON describes (with the sampler it records)" };
        var device = SamplerOption.Create();
        var precision = SamplerOption.Precision();
        var command = new Command("render", "Render stems from presets to WAV (mono model output, resampled to the chosen rate).")
        {
            preset, seconds, bars, bpm, seed, variations, primer, output, format, rate, overwrite, plot, batch, sidecar, device, precision,
        };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            var replay = parse.GetValue(sidecar) is { } sidecarPath ? StemSidecar.Read(sidecarPath) : null;
            var jobs = replay != null
                ? new List<Job> { FromSidecar(replay, outPath) }
                : FromPresets(parse.GetValue(preset) ?? [], parse.GetValue(seconds), parse.GetValue(bars), parse.GetValue(bpm), parse.GetValue(seed),
                    parse.GetValue(variations), parse.GetValue(primer), outPath, parse.GetValue(format), parse.GetValue(rate));
            // bit-identity is promised per sampler (kernel path and weight precision, or torch device), so a re-render uses the sidecar's
            var (kernel, weights, torchDevice) = Sampler(replay?.KernelPath ?? parse.GetValue(device)!, parse.GetValue(precision), fromSidecar: replay != null);
            CheckOutputs(jobs, parse.GetValue(overwrite));
            Render(jobs, kernel, weights, torchDevice, parse.GetValue(batch), parse.GetValue(overwrite), parse.GetValue(plot));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A sidecar's sampler ("torch:DEVICE" or a CPU backend such as "Vector512+bf16") or a --device request with --precision
    /// → kernel path, weight precision and torch device (null: CPU sampler).
    /// </summary>
    static (KernelPath Kernel, WeightPrecision Precision, TorchSharp.torch.Device? Device) Sampler(string request, WeightPrecision precision, bool fromSidecar)
    {
        const string torchPrefix = "torch:";
        if (request.StartsWith(torchPrefix, StringComparison.Ordinal)) return (KernelPaths.Best, WeightPrecision.Float32, TorchRuntime.SelectDevice(request[torchPrefix.Length..]));
        if (!fromSidecar) return (KernelPaths.Best, precision, SamplerDevice.Parse(request));
        var (path, recorded) = Ada.Inference.FastWaveNet.ParseBackend(request);
        return (path, recorded, null);
    }

    static List<Job> FromPresets(string[] presetPaths, double? seconds, double? bars, double? bpm, ulong? seed, int variations,
        string? primer, string outPath, SampleFormat? format, int? rate)
    {
        if (presetPaths.Length == 0) throw new ArgumentException("give --preset <file> (or --sidecar <file>)");
        if (variations is < 1 or > 64) throw new ArgumentException($"--variations must be 1..64, got {variations}");
        if (seconds is { } sec && sec is <= 0 or > 3600) throw new ArgumentException($"--seconds must be in (0, 3600], got {sec}");
        if (seconds != null && bars != null) throw new ArgumentException("give --seconds or --bars, not both");
        if (primer != null && !File.Exists(primer)) throw new FileNotFoundException($"primer {primer}: file not found", primer);
        var jobs = new List<Job>();
        int stems = presetPaths.Length * variations;
        if (stems > 1 && outPath.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--out {outPath} is a file but {stems} stems will be written: give a folder");
        foreach (var path in presetPaths)
        {
            var p = PresetLoader.Load(path);
            PresetLoader.CheckAgainstModel(p, null);
            var model = ModelBundle.Load(p.ModelPath);
            if (p.Model.Hash is { } expected && expected != model.Hash)
                throw new InvalidDataException($"preset {path}: model.hash expects {expected} but {p.ModelPath} has {model.Hash}");
            PresetLoader.CheckAgainstModel(p, model.Weights.Count);
            double length = seconds ?? (bars is { } b ? p.Length.SecondsForBars(b, bpm) : p.Length.Seconds);
            int samples = (int)Math.Round(length * ModelRate);
            for (int i = 0; i < variations; i++)
            {
                int variation = p.Sampling.Variation + i;
                var file = stems == 1 && outPath.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)
                    ? outPath
                    : Path.Combine(outPath, $"{FileSlug.Of(p.Name)}-v{variation}.wav");
                jobs.Add(new Job(p, FileHash.Of(p.SourcePath), model, seed ?? p.Sampling.Seed, variation, p.Sampling.Temperatures, samples,
                    rate ?? p.Output.SampleRate, format ?? p.Output.Format, primer, Path.GetFullPath(file)));
            }
        }
        return jobs;
    }

    static Job FromSidecar(StemSidecar s, string outPath)
    {
        var preset = PresetLoader.Load(s.Preset);
        if (FileHash.Of(preset.SourcePath) != s.PresetHash) throw new InvalidDataException($"preset {s.Preset} changed since the stem was rendered (hash differs)");
        var model = ModelBundle.Load(s.Model);
        if (model.Hash != s.ModelHash) throw new InvalidDataException($"model {s.Model} changed since the stem was rendered (hash {model.Hash}, sidecar {s.ModelHash})");
        if (s.PrimerHash != null && (s.Primer == null || !File.Exists(s.Primer) || FileHash.Of(s.Primer) != s.PrimerHash))
            throw new InvalidDataException($"primer {s.Primer} is missing or changed since the stem was rendered");
        var file = outPath.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? outPath : Path.Combine(outPath, $"{FileSlug.Of(preset.Name)}-v{s.Variation}.wav");
        return new Job(preset, s.PresetHash, model, s.Seed, s.Variation, s.Temperatures, s.Samples16k, s.SampleRate,
            Enum.Parse<SampleFormat>(s.Format, ignoreCase: true), s.Primer, Path.GetFullPath(file));
    }

    /// <summary>Fails before any rendering when an output exists (without --overwrite) or its folder is not writable.</summary>
    static void CheckOutputs(List<Job> jobs, bool overwrite)
    {
        foreach (var job in jobs)
        {
            if (File.Exists(job.Out) && !overwrite) throw new IOException($"{job.Out} exists (use --overwrite to replace it)");
            var dir = Path.GetDirectoryName(job.Out)!;
            try
            {
                Directory.CreateDirectory(dir);
                var probe = Path.Combine(dir, $".ada-write-test-{Guid.NewGuid():N}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write to {dir}: {e.Message}");
            }
        }
        var duplicate = jobs.GroupBy(j => j.Out).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"two stems would both be written to {duplicate.Key}");
    }

    static void Render(List<Job> jobs, KernelPath kernel, WeightPrecision precision, TorchSharp.torch.Device? device, bool batch, bool overwrite, bool plot)
    {
        // stems of one model, temperatures, seed, length and primer can share a batch; the audio is the same either way
        var groups = batch
            ? jobs.GroupBy(j => (j.Model.Hash, string.Join(",", j.Temperatures), j.Seed, j.Samples, j.Primer)).Select(g => g.ToList()).ToList()
            : jobs.Select(j => new List<Job> { j }).ToList();
        var written = new List<(Job Job, double Seconds, int Batch)>();
        var samplerName = "";
        var clock = Stopwatch.StartNew();
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = groups.Select(g => ctx.AddTask(Markup.Escape(string.Join(", ", g.Select(j => Path.GetFileName(j.Out)))), maxValue: g[0].Samples)).ToList();
                for (int i = 0; i < groups.Count; i++)
                {
                    var group = groups[i];
                    var first = group[0];
                    using var renderer = new StemRenderer(first.Model, kernel, device, precision);
                    samplerName = renderer.Sampler;
                    var primer = first.Primer is { } p ? PrimerEncoder.Encode(first.Model, AudioFile.ReadMono(p, ModelRate)) : null;
                    var start = clock.Elapsed;
                    var stems = renderer.Render(first.Seed, group.Select(j => j.Variation).ToList(), first.Temperatures, first.Samples, primer,
                        done => tasks[i].Value = done);
                    var seconds = (clock.Elapsed - start).TotalSeconds;
                    for (int s = 0; s < group.Count; s++)
                    {
                        Write(group[s], stems[s], renderer.Sampler, overwrite);
                        if (plot) SpectrogramPlot.Save(stems[s], ModelRate, Path.ChangeExtension(group[s].Out, ".png"), new SpectrogramPlotOptions(Title: Path.GetFileName(group[s].Out)));
                        written.Add((group[s], seconds, group.Count));
                    }
                }
            });
        var table = new Table().AddColumns("stem", "seconds", "rate", "format", "real-time factor");
        // a batch renders all its stems in one pass: its real-time factor counts the audio of every stem in it
        foreach (var (job, seconds, batchSize) in written)
            table.AddRow(Markup.Escape(job.Out), $"{job.Samples / (double)ModelRate:F1}", $"{job.SampleRate}", $"{job.Format}",
                $"{job.Samples / (double)ModelRate * batchSize / seconds:F2}×");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"wrote {written.Count} stem(s) with sidecars in {clock.Elapsed.TotalSeconds:F1} s (sampler: {samplerName})");
    }

    static void Write(Job job, float[] audio16k, string sampler, bool overwrite)
    {
        var audio = job.SampleRate == ModelRate ? audio16k : Resampler.Resample(audio16k, ModelRate, job.SampleRate);
        var encoding = job.Format switch { SampleFormat.Pcm16 => WavEncoding.Pcm16, SampleFormat.Pcm24 => WavEncoding.Pcm24, _ => WavEncoding.Float32 };
        AudioFile.WriteWav(job.Out, new AudioBuffer(audio, job.SampleRate, 1), encoding, overwrite);
        new StemSidecar(job.Preset.SourcePath, job.PresetHash, job.Model.Path, job.Model.Hash, job.Seed, job.Variation, job.Temperatures,
            job.Samples, job.SampleRate, job.Format.ToString(), sampler, job.Primer is null ? null : Path.GetFullPath(job.Primer),
            job.Primer is null ? null : FileHash.Of(job.Primer), typeof(RenderCommand).Assembly.GetName().Version?.ToString() ?? "?")
            .Write(StemSidecar.PathFor(job.Out));
    }

}
