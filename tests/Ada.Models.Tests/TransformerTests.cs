using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class TransformerTests
{
    static float[] Logits(TransformerPrior model, long[] sequence)
    {
        using var _ = no_grad();
        return Tiny.Floats(model.Network.TimeMajorLogits(tensor(sequence, [1, sequence.Length])));
    }

    static long[] Sequence(int length, int seed) => Tiny.Longs(Tiny.RandomClasses(1, length, 8, seed));

    [Test]
    public void LogitsAtTDependOnlyOnEarlierTokensInsideTheWindow()
    {
        const int context = 6, length = 24, t = 15, classes = 8;
        using var model = Tiny.Build<TransformerPrior>(Tiny.Transformer(layers: 1, context: context));
        var x = Sequence(length, 4);
        var before = Logits(model, x);

        // x[t] itself and x[t − context − 1] (out of one layer's window) leave the logits at t unchanged
        foreach (var changed in new[] { t, t - context - 1 })
        {
            var y = (long[])x.Clone();
            y[changed] = (y[changed] + 3) % classes;
            var after = Logits(model, y);
            Assert.That(after.AsSpan(t * classes, classes).ToArray(), Is.EqualTo(before.AsSpan(t * classes, classes).ToArray()), $"changing x[{changed}]");
        }
        // x[t − context] is the oldest token in the window: it must matter
        var z = (long[])x.Clone();
        z[t - context] = (z[t - context] + 3) % classes;
        var moved = Logits(model, z);
        Assert.That(Enumerable.Range(0, classes).Max(i => Math.Abs(moved[t * classes + i] - before[t * classes + i])), Is.GreaterThan(1e-4));
    }

    [Test]
    public void PositionsAreRelativeSoTheWindowCanSlide()
    {
        // two layers of window 6 see 11 tokens back; once that far in, logits depend on what came before, not on where
        const int context = 6, shift = 9, classes = 8;
        using var model = Tiny.Build<TransformerPrior>(Tiny.Transformer(layers: 2, context: context));
        var x = Sequence(30, 5);
        var shifted = Sequence(shift, 6).Concat(x).ToArray();
        var (a, b) = (Logits(model, x), Logits(model, shifted));
        for (int t = 2 * (context - 1) + 1; t < x.Length; t++)
            for (int i = 0; i < classes; i++)
                Assert.That(b[(t + shift) * classes + i], Is.EqualTo(a[t * classes + i]).Within(1e-4), $"t={t} class {i}");
    }

    [Test]
    public void ConfigRejectsAWidthThatDoesNotSplitIntoRotaryPairs()
    {
        var config = new ModelConfig(ModelKind.Transformer, 2, 8, null, Transformer: new TransformerConfig(1, 12, 4, 16));
        var error = Assert.Throws<ConfigException>(() => LevelModel.Create(config));
        Assert.That(error!.Message, Does.Contain("model.transformer.width"));
    }

    [Test]
    public void ConfigRejectsADecoderSectionOnATransformerAndAMissingTransformerSection()
    {
        var withDecoder = Tiny.Transformer() with { Decoder = Tiny.Decoder };
        Assert.That(Assert.Throws<ConfigException>(() => LevelModel.Create(withDecoder))!.Message, Does.Contain("model.decoder is not used by kind 'transformer'"));
        var without = Tiny.Transformer() with { Transformer = null };
        Assert.That(Assert.Throws<ConfigException>(() => LevelModel.Create(without))!.Message, Does.Contain("model.transformer is required"));
        var audio = Tiny.Transformer(level: 1) with { Classes = 256 };
        Assert.That(Assert.Throws<ConfigException>(() => LevelModel.Create(audio))!.Message, Does.Contain("model.level must be ≥ 2"));
    }

    [Test]
    public void LayoutCountsEveryParameter()
    {
        var config = Tiny.Transformer(layers: 2);
        using var model = Tiny.Build<TransformerPrior>(config);
        long expected = 8 * 8 + 2 * (2 * 8 + (8 * 24 + 24) + (8 * 8 + 8) + 2 * 8 + (8 * 32 + 32) + (32 * 8 + 8)) + 2 * 8 + (8 * 8 + 8);
        Assert.That(LevelModel.Layout(config).Sum(w => w.Elements), Is.EqualTo(expected));
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(expected));
    }
}

public class TrainingBenchmarkTests
{
    [Test]
    public void AnUpperLevelModelIsTimedOnRandomCodesOfItsOwnClasses()
    {
        var config = Tiny.Transformer(classes: 8);
        var result = TrainingBenchmark.Measure(threads: 1, batch: 2, length: 32, warmup: 1, steps: 2, model: config);
        Assert.That(result.Description, Is.EqualTo("transformer N=2 W=8 H=2 C=16 Q=8"));
        Assert.That(result.Parameters, Is.EqualTo(LevelModel.Layout(config).Sum(w => w.Elements)));
        Assert.That((result.Batch, result.Length, result.Steps), Is.EqualTo((2, 32, 2)));
        Assert.That(result.SamplesPerSecond, Is.EqualTo(2 * 32 / result.SecondsPerStep).Within(1e-6).Percent);
    }

    [Test]
    public void RandomCodesAreSeededPerStepAndCoverTheClasses()
    {
        var source = new RandomClassSource(4, 256, 8, seed: 3);
        var (a, again, next) = (Tiny.Longs(source.Batch(5)), Tiny.Longs(source.Batch(5)), Tiny.Longs(source.Batch(6)));
        Assert.That(again, Is.EqualTo(a));
        Assert.That(next, Is.Not.EqualTo(a));
        Assert.That(a.Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 8).Select(i => (long)i)));
    }
}
