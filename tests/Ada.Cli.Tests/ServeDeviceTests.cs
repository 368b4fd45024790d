namespace Ada.Cli.Tests;

/// <summary>`ada serve --device`: a device this machine lacks, or no device at all, stops the service before it starts.</summary>
[TestFixture]
[NonParallelizable]   // the CLI writes to the console
public class ServeDeviceTests
{
    [TestCase("cuda", "device 'cuda' requested but CUDA is not available")]
    [TestCase("cuda:1", "device 'cuda:1' requested but CUDA is not available")]
    [TestCase("gpu", "unknown sampler device 'gpu'")]
    public void AnUnavailableDeviceFailsAtStartupWithOneClearLine(string device, string message)
    {
        Assume.That(TorchSharp.torch.cuda.is_available(), Is.False, "this machine has CUDA");
        var socket = Path.Combine(Path.GetTempPath(), $"ada-serve-{Guid.NewGuid():N}"[..20], "s.sock");
        var (code, output) = RenderCommandTests.Run("serve", "--socket", socket, "--device", device, "--idle-minutes", "0.01");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.StartWith($"error: {message}"));
        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1), "no stack trace, no listening line");
        Assert.That(File.Exists(socket), Is.False, "nothing listened");
    }
}
