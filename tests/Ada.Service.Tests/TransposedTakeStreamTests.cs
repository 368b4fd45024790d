using Ada.Service.Streaming;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class TransposedTakeStreamTests
{
    private static float[] Straight(TransposedTakeStream stream, int length)
    {
        var all = new float[length];
        stream.Seek(0);
        Assert.That(stream.Read(all), Is.EqualTo(length));
        return all;
    }

    [TestCase(44_100, 7.0)]
    [TestCase(48_000, -12.0)]
    [TestCase(16_000, 0.37)]
    [TestCase(11_025, 48.0)]
    [TestCase(96_000, -48.0)]
    public void ReadingFromAnyPositionInAnyBlocksEqualsStraightPlaybackBitForBit(int rate, double semitones)
    {
        var (take, _) = TestTakes.Random(0.3, seed: rate);
        var stream = new TransposedTakeStream(take, rate, semitones);
        var straight = Straight(stream, (int)stream.HostLength + 50);
        Assert.That(straight.Take((int)stream.HostLength).Max(Math.Abs), Is.GreaterThan(0.01f), "not silence");
        Assert.That(straight.Skip((int)stream.HostLength), Is.All.EqualTo(0f), "silence once the kernel has left the take");
        SeekChecks.ReadsFromAnyStartEqualStraightPlayback(stream, stream.HostLength, straight);
    }

    [Test]
    public void TheTransposedLengthScalesWithTheSpeed()
    {
        var (take, _) = TestTakes.Random(0.3, seed: 1);
        double octaveUp = new TransposedTakeStream(take, 48_000, 12).HostLength, octaveDown = new TransposedTakeStream(take, 48_000, -12).HostLength;
        double untransposed = take.Length * 3.0;   // 16 kHz → 48 kHz
        Assert.That(octaveUp, Is.EqualTo(untransposed / 2).Within(200), "twice as fast: half as long (plus the kernel's tail)");
        Assert.That(octaveDown, Is.EqualTo(untransposed * 2).Within(400));
    }

    [Test]
    public void APartlyGeneratedTakeYieldsOnlyDeterminedSamplesAndContinuesExactly()
    {
        var (full, classes) = TestTakes.Random(0.3, seed: 5);
        var reference = Straight(new TransposedTakeStream(full, 44_100, 5), (int)new TransposedTakeStream(full, 44_100, 5).HostLength);
        var take = TestTakes.Empty(0.3);
        take.Append(0, classes.Take(1000).Select(c => (int)c).ToArray());
        var stream = new TransposedTakeStream(take, 44_100, 5);

        var read = new float[reference.Length];
        int first = stream.Read(read);
        Assert.That(first, Is.InRange(1, 1000 * 44_100 / 16_000), "only what 1000 input samples determine");
        Assert.That(stream.Read(read.AsSpan(first)), Is.EqualTo(0), "then it waits for generation");
        Assert.That(stream.NeededInput, Is.InRange(1001L, 1100L), "the next sample needs input just past what exists");

        take.Append(1000, classes.Skip(1000).Select(c => (int)c).ToArray());
        Assert.That(first + stream.Read(read.AsSpan(first)), Is.EqualTo(reference.Length));
        Assert.That(read, Is.EqualTo(reference));
        Assert.That(stream.NeededInput, Is.EqualTo(full.Length), "past the end nothing more is needed");
    }
}
