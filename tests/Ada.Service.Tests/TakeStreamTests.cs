using Ada.Audio;
using Ada.Service.Streaming;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class TakeStreamTests
{
    private static float[] Reference(byte[] classes, int rate)
    {
        var audio = new float[classes.Length];
        MuLaw.Decode(classes, audio);
        return Resampler.Resample(audio, 16_000, rate);
    }

    [TestCase(16_000)]
    [TestCase(11_025)]
    [TestCase(22_050)]
    [TestCase(44_100)]
    [TestCase(48_000)]
    [TestCase(96_000)]
    public void ReadingFromAnyPositionEqualsTheWholeTakeResampledOffline(int rate)
    {
        var (take, classes) = TestTakes.Random(0.3, seed: rate);
        var reference = Reference(classes, rate);
        var stream = new TakeStream(take, rate);
        Assert.That(stream.HostLength, Is.EqualTo(reference.Length));
        SeekChecks.ReadsFromAnyStartEqualStraightPlayback(stream, reference.Length, reference);
    }

    [Test]
    public void APartlyGeneratedTakeYieldsOnlyFinalSamplesAndContinuesExactly()
    {
        var (full, classes) = TestTakes.Random(0.3, seed: 5);
        var reference = Reference(classes, 44_100);
        var take = TestTakes.Empty(0.3);
        take.Append(0, classes.Take(1000).Select(c => (int)c).ToArray());
        var stream = new TakeStream(take, 44_100);

        var read = new float[reference.Length];
        int first = stream.Read(read);
        Assert.That(first, Is.InRange(1, 1000 * 44_100 / 16_000), "only what 1000 input samples determine");
        Assert.That(stream.Read(read.AsSpan(first)), Is.EqualTo(0), "then it waits for generation");
        Assert.That(stream.NeededInput, Is.EqualTo(1000L));

        take.Append(1000, classes.Skip(1000).Select(c => (int)c).ToArray());
        int rest = stream.Read(read.AsSpan(first));
        Assert.That(first + rest, Is.EqualTo(reference.Length));
        Assert.That(read, Is.EqualTo(reference));
        Assert.That(stream.NeededInput, Is.EqualTo(full.Length), "past the end nothing more is needed");
    }
}
