namespace Ada.Audio.Tests;

/// <summary>The streaming resampler: bit-identical to the offline one for any block split, no allocation per call.</summary>
public class StreamingResamplerTests
{
    [TestCase(16000, 48000)]
    [TestCase(48000, 16000)]
    [TestCase(16000, 44100)]
    [TestCase(44100, 16000)]
    [TestCase(16000, 96000)]
    [TestCase(96000, 16000)]
    [TestCase(16000, 16000)]
    public void StreamedOutputEqualsOfflineOutputForRandomBlockSizes(int from, int to)
    {
        var random = new Random(from + to);
        var x = Enumerable.Range(0, 20000).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var offline = Resampler.Resample(x, from, to);

        for (int trial = 0; trial < 3; trial++)
        {
            var streamed = Stream(new StreamingResampler(from, to), x, random, maxBlock: trial == 0 ? 3 : 900, out int delay);
            Assert.That(streamed.Skip(delay).ToArray(), Is.EqualTo(offline), $"trial {trial}");
        }
    }

    [Test]
    public void ResetStartsAnIdenticalNewStream()
    {
        var random = new Random(7);
        var x = Signals.Sine(5000, 1234, 16000);
        var resampler = new StreamingResampler(16000, 44100);
        var first = Stream(resampler, x, random, 500, out _);
        resampler.Reset();
        var second = Stream(resampler, x, random, 500, out _);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ProcessWritesNoMoreThanMaxOutputLengthAndFlushExactlyFlushLength()
    {
        var resampler = new StreamingResampler(16000, 44100);
        var output = new float[resampler.MaxOutputLength(1000)];
        var random = new Random(3);
        for (int i = 0; i < 50; i++)
        {
            int n = random.Next(0, 1001);
            int written = resampler.Process(new float[n], output);
            Assert.That(written, Is.LessThanOrEqualTo(resampler.MaxOutputLength(n)));
        }
        int owed = resampler.FlushLength;
        var tail = new float[owed + 10];
        Assert.That(resampler.Flush(tail), Is.EqualTo(owed));
        Assert.That(resampler.OutputCount, Is.EqualTo(resampler.Delay + Resampler.OutputLength((int)resampler.InputCount, 16000, 44100)));
    }

    [Test]
    public void DelayIsWhereAnImpulseAtTimeZeroComesOut()
    {
        var resampler = new StreamingResampler(16000, 48000);
        var x = new float[200];
        x[0] = 1;
        var y = Stream(resampler, x, new Random(1), 64, out int delay);
        Assert.That(Array.IndexOf(y, y.Max()), Is.EqualTo(delay));
        Assert.That(delay, Is.GreaterThan(0));
    }

    [Test]
    public void ProcessAllocatesNothing()
    {
        var resampler = new StreamingResampler(16000, 48000);
        var input = Signals.Sine(320, 440, 16000);
        var output = new float[resampler.MaxOutputLength(input.Length)];
        resampler.Process(input, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
            resampler.Process(input, output);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void TooSmallOutputIsRejectedBeforeAnythingIsConsumed()
    {
        var resampler = new StreamingResampler(16000, 48000);
        resampler.Process(new float[1000], new float[3001]);
        long inputs = resampler.InputCount;
        Assert.Throws<ArgumentException>(() => resampler.Process(new float[100], new float[10]));
        Assert.That(resampler.InputCount, Is.EqualTo(inputs));
    }

    [Test]
    public void ProcessAfterFlushNeedsReset()
    {
        var resampler = new StreamingResampler(48000, 16000);
        resampler.Flush(new float[resampler.FlushLength]);
        Assert.Throws<InvalidOperationException>(() => resampler.Process(new float[10], new float[10]));
        resampler.Reset();
        Assert.That(resampler.Process(new float[300], new float[101]), Is.GreaterThan(0));
    }

    // Feeds x in random block sizes, then flushes; returns everything written.
    static float[] Stream(StreamingResampler resampler, float[] x, Random random, int maxBlock, out int delay)
    {
        var result = new List<float>();
        var output = new float[resampler.MaxOutputLength(maxBlock)];
        for (int pos = 0; pos < x.Length;)
        {
            int n = Math.Min(random.Next(0, maxBlock + 1), x.Length - pos);
            int written = resampler.Process(x.AsSpan(pos, n), output);
            result.AddRange(output.AsSpan(0, written));
            pos += n;
        }
        var tail = new float[resampler.FlushLength];
        resampler.Flush(tail);
        result.AddRange(tail);
        delay = resampler.Delay;
        return result.ToArray();
    }
}
