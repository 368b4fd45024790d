using Ada.Audio;

namespace Ada.Cli.Tests;

[TestFixture]
[NonParallelizable]   // the CLI writes to the console
public class RenderCommandTests
{
    string _out = "";

    [SetUp]
    public void MakeOutputFolder() => _out = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"), "stems");

    internal static (int Code, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var (previous, previousError) = (Console.Out, Console.Error);
        Console.SetOut(writer);
        Console.SetError(writer);
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer), Interactive = Spectre.Console.InteractionSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors, Ansi = Spectre.Console.AnsiSupport.No });
        try
        {
            return (Program.Main(args), writer.ToString());
        }
        finally
        {
            Console.SetOut(previous);
            Console.SetError(previousError);
        }
    }

    static float[] Samples(string wav) => AudioFile.Read(wav).Samples;

    [Test]
    public void RendersStemsWithSidecarsThatReproduceThemBitForBit()
    {
        var preset = TinyBundle.Create();
        var (code, output) = Run("render", "--preset", preset, "--variations", "2", "--out", _out);
        Assert.That(code, Is.EqualTo(0), output);
        var stems = Directory.GetFiles(_out, "*.wav").OrderBy(f => f).ToArray();
        Assert.That(stems.Select(Path.GetFileName), Is.EqualTo(new[] { "tiny-test-v0.wav", "tiny-test-v1.wav" }));
        var info = AudioFile.ReadInfo(stems[0]);
        Assert.That(info.SampleRate, Is.EqualTo(44100));
        Assert.That(info.FrameCount, Is.EqualTo(Resampler.OutputLength(8000, 16000, 44100)));
        Assert.That(Samples(stems[0]), Is.Not.EqualTo(Samples(stems[1])), "variations differ");
        Assert.That(Samples(stems[0]).Max(Math.Abs), Is.GreaterThan(0.001f), "not silent");

        var again = Path.Combine(_out, "again");
        var (code2, output2) = Run("render", "--sidecar", Path.ChangeExtension(stems[1], ".json"), "--out", again);
        Assert.That(code2, Is.EqualTo(0), output2);
        Assert.That(File.ReadAllBytes(Path.Combine(again, "tiny-test-v1.wav")), Is.EqualTo(File.ReadAllBytes(stems[1])));
    }

    [Test]
    public void BatchedRenderEqualsOneAtATime()
    {
        var preset = TinyBundle.Create();
        Assert.That(Run("render", "--preset", preset, "--variations", "3", "--out", Path.Combine(_out, "single")).Code, Is.EqualTo(0));
        Assert.That(Run("render", "--preset", preset, "--variations", "3", "--batch", "--out", Path.Combine(_out, "batch")).Code, Is.EqualTo(0));
        for (int v = 0; v < 3; v++)
            Assert.That(File.ReadAllBytes(Path.Combine(_out, "batch", $"tiny-test-v{v}.wav")), Is.EqualTo(File.ReadAllBytes(Path.Combine(_out, "single", $"tiny-test-v{v}.wav"))));
    }

    [Test]
    public void FailsWithOneClearLine()
    {
        var preset = TinyBundle.Create();
        var dir = Path.GetDirectoryName(preset)!;

        var file = Path.Combine(_out, "x.wav");
        Assert.That(Run("render", "--preset", preset, "--out", file).Code, Is.EqualTo(0));
        var (code, output) = Run("render", "--preset", preset, "--out", file);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("exists (use --overwrite"));

        File.WriteAllBytes(Path.Combine(dir, "level2.adackpt"), new byte[100]);
        (code, output) = Run("render", "--preset", preset, "--out", Path.Combine(_out, "y.wav"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("level2.adackpt").And.Contain("bad magic"));

        File.Delete(Path.Combine(dir, "model.json"));
        (code, output) = Run("render", "--preset", preset, "--out", Path.Combine(_out, "z.wav"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("model.json").And.Contain("not found"));
        Assert.That(output.Trim().Split('\n'), Has.Length.LessThanOrEqualTo(2));
    }

    [Test]
    public void RefusesAnUnwritableOutputBeforeRendering()
    {
        var preset = TinyBundle.Create();
        var blocker = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "a file where a folder should be");
        var (code, output) = Run("render", "--preset", preset, "--out", Path.Combine(blocker, "stem.wav"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("cannot write to"));
    }

    [Test]
    public void APrimedRenderContinuesThePrimerReproduciblyAndDiffersFromTheUnprimedOne()
    {
        var preset = TinyBundle.Create(seconds: 0.2);
        var primer = Path.Combine(_out, "..", "primer.wav");
        Directory.CreateDirectory(_out);
        AudioFile.WriteWav(primer, new AudioBuffer(Enumerable.Range(0, 8_000).Select(i => (float)(0.4 * Math.Sin(i * 0.03))).ToArray(), 22_050, 1));
        string Render(string name, params string[] extra)
        {
            var file = Path.Combine(_out, name);
            var (code, output) = Run(["render", "--preset", preset, "--format", "float32", "--out", file, .. extra]);
            Assert.That(code, Is.EqualTo(0), output);
            return file;
        }
        var primed = Samples(Render("a.wav", "--primer", primer));
        Assert.That(Samples(Render("b.wav", "--primer", primer)), Is.EqualTo(primed));
        Assert.That(Samples(Render("c.wav")), Is.Not.EqualTo(primed));
    }

    [Test]
    public void PlotWritesAPngBesideTheStem()
    {
        var preset = TinyBundle.Create();
        var (code, output) = Run("render", "--preset", preset, "--plot", "--format", "float32", "--rate", "16000", "--out", Path.Combine(_out, "p.wav"));
        Assert.That(code, Is.EqualTo(0), output);
        var png = File.ReadAllBytes(Path.Combine(_out, "p.png"));
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        Assert.That(AudioFile.ReadInfo(Path.Combine(_out, "p.wav")).SampleRate, Is.EqualTo(16000));
    }
}

[TestFixture]
[NonParallelizable]
public class ExportCommandTests
{
    [Test]
    public void ExportedModelHasTheSameWeightsAndRendersTheSameAudio()
    {
        var preset = TinyBundle.Create();
        var dir = Path.GetDirectoryName(preset)!;
        var exported = Path.Combine(dir, "exported");
        var code = Program.Main(["export", "--name", "tiny", "--levels", Path.Combine(dir, "prior.adackpt"), Path.Combine(dir, "level2.adackpt"),
            Path.Combine(dir, "level1.adackpt"), "--out", exported]);
        Assert.That(code, Is.EqualTo(0));
        var original = Ada.Models.ModelBundle.Load(Path.Combine(dir, "model.json"));
        var copy = Ada.Models.ModelBundle.Load(Path.Combine(exported, "model.json"));
        Assert.That(copy.Hash, Is.EqualTo(original.Hash));
        Assert.That(copy.Info.Levels, Is.EqualTo(new[] { "level3-wavenet.adackpt", "level2-ada-amae.adackpt", "level1-ada-amae.adackpt" }));
        Assert.That(copy.Checkpoints.All(c => c.Moments.Count == 0), Is.True, "no optimizer state is shipped");
    }
}
