using Ada.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models.Tests;

/// <summary>Fails when LibTorch cannot load (e.g. the Debian 12 wrapper fix was not applied).</summary>
[TestFixture]
public class TorchSmokeTests
{
    [Test]
    public void LibTorchLoadsAndTrainsAConv1d()
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(1);
        var conv = nn.Conv1d(1, 1, 2, bias: false);
        using (no_grad())
        {
            conv.weight!.copy_(tensor(new float[] { 0.5f, -0.25f }).reshape(1, 1, 2));
        }
        var x = tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 1, 4);

        var y = conv.forward(x);
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0.25f, 0.5f }).Within(1e-6));

        var optimizer = optim.SGD(conv.parameters(), 0.1);
        var loss = y.sum();
        loss.backward();
        // d(sum)/dw0 = x0+x1+x2 = 6, d/dw1 = x1+x2+x3 = 9
        Assert.That(conv.weight!.grad!.data<float>().ToArray(), Is.EqualTo(new[] { 6f, 9f }).Within(1e-5));
        optimizer.step();
        Assert.That(conv.weight!.data<float>().ToArray(), Is.EqualTo(new[] { 0.5f - 0.6f, -0.25f - 0.9f }).Within(1e-5));
    }

    [Test]
    public void DeviceSelectionFallsBackToCpuAndRejectsUnknownNames()
    {
        var device = TorchRuntime.SelectDevice("auto");
        Assert.That(device.type, Is.EqualTo(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU));
        Assert.That(TorchRuntime.SelectDevice("cpu").type, Is.EqualTo(DeviceType.CPU));
        Assert.That(() => TorchRuntime.SelectDevice("tpu"), Throws.ArgumentException.With.Message.Contains("tpu"));
    }
}
