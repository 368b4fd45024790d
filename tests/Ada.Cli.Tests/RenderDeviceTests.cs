using Ada.Audio;

namespace Ada.Cli.Tests;

/// <summary>`ada render --device`: the TorchSharp sampler on the CPU device, and the errors of devices this machine lacks.</summary>
[TestFixture]
[NonParallelizable]   // the CLI writes to the console
public class RenderDeviceTests
{
    string _out = "";

    [OneTimeSetUp]
    public void OneTorchThread() => TorchSharp.torch.set_num_threads(1);

    [SetUp]
    public void MakeOutputFolder() => _out = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"), "stems");

    [Test]
    public void TorchCpuRenderEqualsTheCpuSamplersAndItsSidecarReproducesIt()
    {
        var preset = TinyBundle.Create();
        string Render(string name, params string[] extra)
        {
            var file = Path.Combine(_out, name);
            var (code, output) = RenderCommandTests.Run(["render", "--preset", preset, "--format", "float32", "--out", file, .. extra]);
            Assert.That(code, Is.EqualTo(0), output);
            return file;
        }
        var torch = Render("torch.wav", "--device", "torch-cpu");
        Assert.That(File.ReadAllText(Path.ChangeExtension(torch, ".json")), Does.Contain("\"KernelPath\": \"torch:cpu\""));
        // the logits agree to ~1e-6, so the same random numbers pick the same classes for this short stem
        Assert.That(AudioFile.Read(torch).Samples, Is.EqualTo(AudioFile.Read(Render("cpu.wav", "--device", "cpu")).Samples));

        var again = Path.Combine(_out, "again.wav");
        var (replayCode, replayOutput) = RenderCommandTests.Run("render", "--sidecar", Path.ChangeExtension(torch, ".json"), "--out", again);
        Assert.That(replayCode, Is.EqualTo(0), replayOutput);
        Assert.That(replayOutput, Does.Contain("sampler: torch:cpu"));
        Assert.That(File.ReadAllBytes(again), Is.EqualTo(File.ReadAllBytes(torch)));
    }

    [TestCase("cuda", "device 'cuda' requested but CUDA is not available")]
    [TestCase("cuda:1", "device 'cuda:1' requested but CUDA is not available")]
    [TestCase("gpu", "unknown sampler device 'gpu'")]
    public void AnUnavailableDeviceFailsWithOneClearLine(string device, string message)
    {
        Assume.That(TorchSharp.torch.cuda.is_available(), Is.False, "this machine has CUDA");
        var (code, output) = RenderCommandTests.Run("render", "--preset", TinyBundle.Create(), "--device", device, "--out", Path.Combine(_out, "x.wav"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain(message));
        Assert.That(output, Does.Not.Contain(" at "), "no stack trace");
        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(Directory.Exists(_out) ? Directory.GetFiles(_out) : [], Is.Empty, "nothing rendered");
    }
}
