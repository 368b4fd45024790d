using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class OverfitTests
{
    // period-8 sequence of distinct classes: after a few steps every next sample is determined by the previous one
    static Tensor Periodic(int batch, int length, int classes = 256)
    {
        long[] period = classes == 256 ? [128, 150, 190, 240, 200, 90, 30, 70] : [3, 1, 4, 7, 5, 2, 6, 0];
        return tensor(Enumerable.Range(0, batch * length).Select(i => period[i % length % 8]).ToArray(), [batch, length]);
    }

    [TestCase(ModelKind.WaveNet)]
    [TestCase(ModelKind.AdaAmae)]
    [TestCase(ModelKind.Transformer)]
    public void TinyModelLearnsAPeriodicSignal(string kind)
    {
        var dir = Tiny.TempDir();
        try
        {
            var model = Tiny.ByKind(kind);
            var config = Tiny.Run(model, dir, 150, crop: 64, lr: 1e-2, checkpointInterval: 1000);
            using var trainer = new Trainer(config, new FixedBatchSource(Periodic(2, 64, model.Classes), model.Classes));
            var first = trainer.TrainStep().NllBits;
            var summary = trainer.Run();
            Assert.That(first, Is.GreaterThan(0.75 * Math.Log2(model.Classes)), "an untrained model is near-uniform over its classes");
            Assert.That(summary.Last!.NllBits, Is.LessThan(0.3));
            var heldOut = Metrics.NllBits(trainer.Model, [Periodic(1, 64, model.Classes)]);
            Assert.That(heldOut, Is.LessThan(0.3));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
