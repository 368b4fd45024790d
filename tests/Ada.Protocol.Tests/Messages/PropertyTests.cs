using System.Buffers;
using System.Text.Unicode;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Ada.Protocol.Tests.Messages;

/// <summary>Round trips over generated field values, including hostile text.</summary>
public class PropertyTests
{
    [Property(MaxTest = 300)]
    public bool MidiEvent_round_trips(long sample, byte note, bool on, byte channel, NormalFloat velocity)
    {
        var message = new MidiEventMessage(sample, (byte)(note % 128), (float)Math.Abs(velocity.Get % 1.0), on, (byte)(channel % 16));
        return RoundTrip(message) == message;
    }

    [Property(MaxTest = 300)]
    public bool Transport_round_trips(bool playing, NormalFloat tempo, long position, NormalFloat beats, ushort num, ushort den, PositiveInt rate)
    {
        var message = new TransportMessage(playing, Math.Abs(tempo.Get), position, beats.Get,
            (ushort)Math.Max((int)num, 1), (ushort)Math.Max((int)den, 1), 1 + rate.Get % 1_000_000);
        return RoundTrip(message) == message;
    }

    [Property(MaxTest = 300)]
    public bool SetParameter_round_trips(uint id, NormalFloat value) =>
        RoundTrip(new SetParameterMessage(id, value.Get)) == new SetParameterMessage(id, value.Get);

    /// <summary>Any text either round-trips exactly or is refused by the writer (invalid UTF-16, too long); never mangled.</summary>
    [Property(MaxTest = 500)]
    public bool Error_text_round_trips_or_is_refused(NonNull<string> text)
    {
        var message = new ErrorMessage(ErrorCode.Internal, text.Get);
        bool valid = Utf8.FromUtf16(text.Get, new byte[text.Get.Length * 3], out _, out int bytes, replaceInvalidSequences: false) == OperationStatus.Done
            && bytes <= ProtocolLimits.MaxMessageBytes;
        if (!valid) return Throws(() => FrameCodec.Encode(message, 1));
        return RoundTrip(message) == message;
    }

    [Property(MaxTest = 200)]
    public bool Hello_round_trips(ushort min, ushort span, NonNull<string> name, int pid, PositiveInt block)
    {
        ushort lo = (ushort)Math.Max((int)min, 1);
        string clean = new(name.Get.Where(c => !char.IsSurrogate(c)).Take(80).ToArray());
        var message = new HelloMessage(lo, (ushort)Math.Min(lo + span % 10, ushort.MaxValue), ClientKind.Cli, clean,
            Math.Abs(pid % int.MaxValue), 96_000, block.Get % (1 << 20));
        return RoundTrip(message) == message;
    }

    private static T RoundTrip<T>(T message) where T : struct, IProtocolMessage<T>
    {
        if (!FrameCodec.TryParse(FrameCodec.Encode(message, 5), out var frame, out var error) || !frame.TryDecode(out T decoded, out error))
            throw new AssertionException($"{T.Type} did not round-trip: {error}");
        return decoded;
    }

    private static bool Throws(Action action)
    {
        try { action(); return false; }
        catch (ArgumentException) { return true; }
    }
}
