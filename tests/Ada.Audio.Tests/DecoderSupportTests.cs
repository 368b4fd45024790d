namespace Ada.Audio.Tests;

/// <summary>Reading a pull decoder to its end whatever length it announced.</summary>
public class DecoderSupportTests
{
    [TestCase(0)]
    [TestCase(1000)]
    [TestCase(50000)]
    [TestCase(400000)]
    public void ReturnsExactlyWhatTheDecoderDeliveredWhateverLengthWasAnnounced(long announced)
    {
        var source = Enumerable.Range(0, 2 * 50000).Select(i => (float)i).ToArray();
        Assert.That(DecoderSupport.ReadAll(Chunked(source, 2 * 1152), 2, announced, "x"), Is.EqualTo(source));
    }

    [Test]
    public void NothingDecodedIsNoSamples()
    {
        var e = Assert.Throws<AudioFormatException>(() => DecoderSupport.ReadAll(_ => 0, 1, 100, "song.ogg"))!;
        Assert.That(e.Message, Is.EqualTo("song.ogg: no samples: the stream decodes to zero length"));
    }

    [Test]
    public void DecoderExceptionsBecomeAudioFormatExceptionsButIoFailuresPassThrough()
    {
        var wrapped = Assert.Throws<AudioFormatException>(() =>
            DecoderSupport.Guard<int>("a.mp3", "MP3", () => throw new IndexOutOfRangeException("bad table")))!;
        Assert.That(wrapped.Message, Is.EqualTo("a.mp3: corrupt or unsupported MP3 data: bad table"));
        Assert.Throws<AudioFormatException>(() => DecoderSupport.Guard<int>("a.mp3", "MP3", () => throw new EndOfStreamException()));
        Assert.Throws<IOException>(() => DecoderSupport.Guard<int>("a.mp3", "MP3", () => throw new IOException("disk")));
    }

    // A decoder that hands out at most `chunk` samples per call.
    static DecoderSupport.SampleSource Chunked(float[] source, int chunk)
    {
        int pos = 0;
        return destination =>
        {
            int n = Math.Min(Math.Min(chunk, destination.Length), source.Length - pos);
            source.AsSpan(pos, n).CopyTo(destination);
            pos += n;
            return n;
        };
    }
}
