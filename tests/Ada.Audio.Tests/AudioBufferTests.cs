namespace Ada.Audio.Tests;

public class AudioBufferTests
{
    [Test]
    public void ToMonoAveragesTheChannelsOfEachFrame()
    {
        var audio = new AudioBuffer([1f, 0f, 0.5f, -0.5f, 0.25f, 0.75f], 8000, 2);
        var mono = audio.ToMono();
        Assert.That(mono.Samples, Is.EqualTo(new[] { 0.5f, 0f, 0.5f }));
        Assert.That((mono.Channels, mono.SampleRate), Is.EqualTo((1, 8000)));
    }

    [Test]
    public void ToMonoOfMonoIsTheSameBuffer()
    {
        var audio = new AudioBuffer([1f, 2f], 8000, 1);
        Assert.That(audio.ToMono(), Is.SameAs(audio));
    }

    [Test]
    public void GetChannelDeinterleaves()
    {
        var audio = new AudioBuffer([1f, 2f, 3f, 4f, 5f, 6f], 8000, 3);
        Assert.That(audio.GetChannel(2), Is.EqualTo(new[] { 3f, 6f }));
        Assert.That(audio.FrameCount, Is.EqualTo(2));
        Assert.That(audio.Duration, Is.EqualTo(TimeSpan.FromSeconds(2.0 / 8000)));
    }

    [Test]
    public void RejectsSampleCountsThatAreNotWholeFrames()
    {
        var e = Assert.Throws<ArgumentException>(() => new AudioBuffer(new float[5], 8000, 2));
        Assert.That(e!.Message, Does.Contain("multiple of the channel count"));
    }
}
