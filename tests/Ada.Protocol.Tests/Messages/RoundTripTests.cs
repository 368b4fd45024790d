using Ada.Protocol.Framing;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Messages;

public class RoundTripTests
{
    private static IEnumerable<IMessageCase> Cases => SampleMessages.AllVersions;

    [Test]
    public void Samples_cover_every_message_type()
    {
        var expected = Enumerable.Range(1, (int)MessageTypes.Last).Select(i => (MessageType)i);
        Assert.That(SampleMessages.All.Select(c => c.Type), Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Cases))]
    public void Encoded_frame_parses_back_to_an_equal_message(IMessageCase sample)
    {
        byte[] bytes = sample.Encode(requestId: 77);

        Assert.That(FrameCodec.TryParse(bytes, out var frame, out var error), Is.True, error.ToString());
        Assert.That(frame.Type, Is.EqualTo(sample.Type));
        Assert.That(frame.RequestId, Is.EqualTo(77u));
        Assert.That(frame.Header.Version, Is.EqualTo(sample.Version));
        Assert.That(frame.Header.PayloadLength, Is.EqualTo((uint)(bytes.Length - ProtocolLimits.HeaderSize)));
        Assert.That(sample.DecodesToSample(frame, out error), Is.True, error.ToString());
    }

    [TestCaseSource(nameof(Cases))]
    public void Header_is_little_endian_ADAP_magic_version_type_length_request(IMessageCase sample)
    {
        byte[] bytes = sample.Encode(requestId: 0x0102_0304);

        Assert.That(bytes[..4], Is.EqualTo("ADAP"u8.ToArray()));
        Assert.That(bytes[4..6], Is.EqualTo(new byte[] { (byte)sample.Version, 0 }));
        Assert.That(bytes[6..8], Is.EqualTo(new[] { (byte)sample.Type, (byte)0 }));
        int payload = bytes.Length - 16;
        Assert.That(bytes[8..12], Is.EqualTo(new[] { (byte)payload, (byte)(payload >> 8), (byte)(payload >> 16), (byte)0 }));
        Assert.That(bytes[12..16], Is.EqualTo(new byte[] { 4, 3, 2, 1 }));
    }

    [TestCaseSource(nameof(Cases))]
    public void Decoding_as_another_type_fails_with_type_mismatch(IMessageCase sample)
    {
        FrameCodec.TryParse(sample.Encode(1), out var frame, out _);
        var other = SampleMessages.All.First(c => c.Type != sample.Type);

        Assert.That(other.DecodesToSample(frame, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.TypeMismatch));
    }
}
