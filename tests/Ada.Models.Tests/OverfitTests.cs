using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class OverfitTests
{
    // period-8 sequence of distinct classes: after a few steps every next sample is determined by the previous one
    static Tensor Periodic(int batch, int length)
    {
        long[] period = [128, 150, 190, 240, 200, 90, 30, 70];
        return tensor(Enumerable.Range(0, batch * length).Select(i => period[i % length % 8]).ToArray(), [batch, length]);
    }

    [TestCase(ModelKind.WaveNet)]
    [TestCase(ModelKind.AdaAmae)]
    public void TinyModelLearnsAPeriodicSignal(string kind)
    {
        var dir = Tiny.TempDir();
        try
        {
            var model = kind == ModelKind.WaveNet ? Tiny.WaveNet() : Tiny.Amae();
            var config = Tiny.Run(model, dir, 150, crop: 64, lr: 1e-2, checkpointInterval: 1000);
            using var trainer = new Trainer(config, new FixedBatchSource(Periodic(2, 64)));
            var first = trainer.TrainStep().NllBits;
            var summary = trainer.Run();
            Assert.That(first, Is.GreaterThan(6.0), "an untrained model is near-uniform over 256 classes (8 bits)");
            Assert.That(summary.Last!.NllBits, Is.LessThan(0.3));
            var heldOut = Metrics.NllBits(trainer.Model, [Periodic(1, 64)]);
            Assert.That(heldOut, Is.LessThan(0.3));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
