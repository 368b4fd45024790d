using Ada.Inference;
using static TorchSharp.torch;

namespace Ada.Models.Tests;

/// <summary>The TorchSharp incremental WaveNet (run on the CPU device here) against the fast CPU sampler.</summary>
[TestFixture]
public class TorchFastWaveNetTests
{
    // top prior over 8 codes; bottom: 32 classes conditioned on those codes with hop 4 (dilations 1, 2, 4 repeated)
    static readonly WaveNetSpec Top = new(Classes: 8, Residual: 8, Gate: 8, Skip: 16, Layers: 4, DilationCycle: 2);
    static readonly WaveNetSpec Bottom = new(Classes: 32, Residual: 12, Gate: 10, Skip: 14, Layers: 7, DilationCycle: 3, CondClasses: 8, Hop: 4, PadClass: 16);
    static readonly WaveNetWeights TopWeights = WaveNetWeights.Random(Top, seed: 1);
    static readonly WaveNetWeights BottomWeights = WaveNetWeights.Random(Bottom, seed: 2);

    static IEnumerable<TestCaseData> Specs()
    {
        yield return new TestCaseData(BottomWeights).SetName("conditioned level");
        yield return new TestCaseData(TopWeights).SetName("unconditional prior");
    }

    /// <summary>Random previous classes and codes (one code per hop frame) for <paramref name="steps"/> steps.</summary>
    static (int[] Classes, int[] Codes) Inputs(WaveNetSpec spec, int steps, int seed)
    {
        var rng = new Random(seed);
        var classes = Enumerable.Range(0, steps).Select(_ => rng.Next(spec.Classes)).ToArray();
        var frames = Enumerable.Range(0, steps / spec.Hop + 1).Select(_ => rng.Next(Math.Max(spec.CondClasses, 1))).ToArray();
        return (classes, Enumerable.Range(0, steps).Select(t => frames[t / spec.Hop]).ToArray());
    }

    [TestCaseSource(nameof(Specs))]
    public void LogitsMatchFastWaveNetAndReferenceForThousandsOfSteps(WaveNetWeights weights)
    {
        const int steps = 2500;
        var spec = weights.Spec;
        var (classes, codes) = Inputs(spec, steps, seed: 3);
        using var torchNet = new TorchFastWaveNet(weights, CPU);
        var device = torchNet.CreateStreams(1);
        var fast = new FastWaveNet(weights).CreateStreams(1);
        var reference = new ReferenceWaveNet(weights);
        float[] ours = new float[spec.Classes], theirs = new float[spec.Classes];
        double worstFast = 0, worstReference = 0, spread = 0;
        for (int t = 0; t < steps; t++)
        {
            int[] previous = [t == 0 ? spec.PadClass : classes[t - 1]], code = [codes[t]];
            device.Step(previous, code, ours);
            fast.Step(previous, code, theirs);
            var expected = reference.Step(previous[0], code[0]);
            for (int q = 0; q < spec.Classes; q++)
            {
                worstFast = Math.Max(worstFast, Math.Abs(ours[q] - theirs[q]));
                worstReference = Math.Max(worstReference, Math.Abs(ours[q] - expected[q]));
                spread = Math.Max(spread, Math.Abs(ours[q] - ours[0]));
            }
        }
        Assert.That(device.Time, Is.EqualTo(steps));
        Assert.That(worstFast, Is.LessThan(1e-4), $"worst logit difference to FastWaveNet over {steps} steps");
        Assert.That(worstReference, Is.LessThan(1e-4), $"worst logit difference to ReferenceWaveNet over {steps} steps");
        Assert.That(spread, Is.GreaterThan(0.1), "logits should vary, or the comparison proves nothing");
    }

    [Test]
    public void BatchedStreamsEqualTheSameStreamsAlone()
    {
        const int steps = 600, batch = 3;
        var spec = Bottom;
        var inputs = Enumerable.Range(0, batch).Select(b => Inputs(spec, steps, seed: 10 + b)).ToArray();
        using var net = new TorchFastWaveNet(BottomWeights, CPU);
        var together = net.CreateStreams(batch);
        var alone = Enumerable.Range(0, batch).Select(_ => net.CreateStreams(1)).ToArray();
        var batched = new float[batch * spec.Classes];
        var single = new float[spec.Classes];
        double worst = 0;
        for (int t = 0; t < steps; t++)
        {
            var previous = inputs.Select(i => t == 0 ? spec.PadClass : i.Classes[t - 1]).ToArray();
            var codes = inputs.Select(i => i.Codes[t]).ToArray();
            together.Step(previous, codes, batched);
            for (int b = 0; b < batch; b++)
            {
                alone[b].Step([previous[b]], [codes[b]], single);
                for (int q = 0; q < spec.Classes; q++) worst = Math.Max(worst, Math.Abs(batched[b * spec.Classes + q] - single[q]));
            }
        }
        // LibTorch may block a (3, n) matmul differently from a (1, n) one, so equal up to float rounding, not bits
        Assert.That(worst, Is.LessThan(1e-5), "worst logit difference between a stream batched and alone");
        Assert.That(batched.AsSpan(0, spec.Classes).ToArray(), Is.Not.EqualTo(batched.AsSpan(spec.Classes, spec.Classes).ToArray()), "streams with different inputs differ");
    }

    static HierarchySampler Hierarchy(IReadOnlyList<IIncrementalWaveNet> levels, params ulong[] seeds) => new(levels, seeds, [1f, 0.9f]);

    static int[] Generate(HierarchySampler sampler, params int[] chunks)
    {
        var all = new List<int>();
        foreach (int chunk in chunks)
        {
            var tokens = new int[chunk * sampler.Batch];
            sampler.Generate(tokens, chunk);
            all.AddRange(tokens);
        }
        return all.ToArray();
    }

    [Test]
    public void TokensEqualTheCpuSamplersForThousandsOfSteps()
    {
        const int samples = 1200;
        ulong[] seeds = [HierarchySampler.StreamSeed(21, 0), HierarchySampler.StreamSeed(21, 1)];
        using var top = new TorchFastWaveNet(TopWeights, CPU);
        using var bottom = new TorchFastWaveNet(BottomWeights, CPU);
        var ours = Generate(Hierarchy([top, bottom], seeds), samples);
        var cpu = Generate(Hierarchy([new FastWaveNet(TopWeights), new FastWaveNet(BottomWeights)], seeds), samples);
        int first = Enumerable.Range(0, ours.Length).FirstOrDefault(i => ours[i] != cpu[i], -1);
        Assert.That(first, Is.EqualTo(-1), $"first divergence: stream {first / samples}, sample {first % samples}");
        Assert.That(ours.Distinct().Count(), Is.GreaterThan(10), "random weights should produce varied tokens");
    }

    [Test]
    public void SameSeedGivesTheSameTokensForEveryChunkSizeAndBatch()
    {
        ulong[] seeds = [HierarchySampler.StreamSeed(5, 0), HierarchySampler.StreamSeed(5, 1), HierarchySampler.StreamSeed(5, 2)];
        using var top = new TorchFastWaveNet(TopWeights, CPU);
        using var bottom = new TorchFastWaveNet(BottomWeights, CPU);
        var whole = Generate(Hierarchy([top, bottom], seeds), 600);
        var chunked = Generate(Hierarchy([top, bottom], seeds), 1, 7, 64, 3, 125, 400);
        Assert.That(Regroup(chunked, [1, 7, 64, 3, 125, 400], seeds.Length), Is.EqualTo(whole));
        var alone = Generate(Hierarchy([top, bottom], seeds[1]), 600);
        Assert.That(whole.AsSpan(600, 600).ToArray(), Is.EqualTo(alone), "stream 1 batched and alone");
        Assert.That(whole.AsSpan(0, 600).ToArray(), Is.Not.EqualTo(alone), "streams of different seeds differ");
    }

    /// <summary>Chunks come back stream-major per chunk; lays them out stream-major over the whole take.</summary>
    static int[] Regroup(int[] tokens, int[] chunks, int batch)
    {
        int total = chunks.Sum(), offset = 0, done = 0;
        var result = new int[tokens.Length];
        foreach (int chunk in chunks)
        {
            for (int b = 0; b < batch; b++)
                tokens.AsSpan(offset + b * chunk, chunk).CopyTo(result.AsSpan(b * total + done, chunk));
            offset += chunk * batch;
            done += chunk;
        }
        return result;
    }

    [Test]
    public void BadInputsAndUseAfterDisposeFailClearly()
    {
        var net = new TorchFastWaveNet(BottomWeights, CPU);
        var streams = net.CreateStreams(1);
        var logits = new float[Bottom.Classes];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => streams.Step([Bottom.Classes], [0], logits));
        Assert.That(error!.Message, Does.Contain("class 32 outside 0..31"));
        error = Assert.Throws<ArgumentOutOfRangeException>(() => streams.Step([0], [8], logits));
        Assert.That(error!.Message, Does.Contain("code 8 outside 0..7"));
        Assert.That(streams.Time, Is.EqualTo(0), "a rejected step does not advance");
        net.Dispose();
        Assert.Throws<ObjectDisposedException>(() => net.CreateStreams(1));
    }

    [Test]
    public void CudaRequestWithoutCudaFailsWithAClearMessage()
    {
        Assume.That(cuda.is_available(), Is.False, "this machine has CUDA");
        var error = Assert.Throws<InvalidOperationException>(() => TorchRuntime.SelectDevice("cuda:0"));
        Assert.That(error!.Message, Does.Contain("device 'cuda:0' requested but CUDA is not available"));
    }
}
