using Ada.Protocol.Messages;

namespace Ada.Protocol.Tests.Support;

/// <summary>One non-trivial instance of every message type (non-ASCII text, extreme numbers, non-empty hashes).</summary>
public static class SampleMessages
{
    public static readonly ContentHash Hash = ContentHash.Of("checkpoint"u8);

    public static IReadOnlyList<IMessageCase> All { get; } =
    [
        new MessageCase<HelloMessage>(new(1, 3, ClientKind.Plugin, "Ardour 7 — AdaPlugin ♪", 4242, 48_000, 1024)),
        new MessageCase<HelloReplyMessage>(new(1, "0.1.0+abc", "cpu (AVX-512)")),
        new MessageCase<LoadPresetMessage>(new(ulong.MaxValue, "/home/ü/presets/piano.json", Hash)),
        new MessageCase<SetParameterMessage>(new(7, -0.125)),
        new MessageCase<TransportMessage>(new(true, 123.5, long.MaxValue, 1e9, 7, 8, 44_100)),
        new MessageCase<MidiEventMessage>(new(-5, 127, 0.75f, true, 15)),
        new MessageCase<ArmTakeMessage>(new(99, "piano", 0xDEADBEEF_CAFEBABE, -3, ContentHash.OfSamples([0.5f, -0.5f], 2, 16_000), -44_100, -12.5)),
        new MessageCase<RingAttachedMessage>(new(99, "/dev/shm/ada-x-0123.ring", 1 << 16, 2, 16_000)),
        new MessageCase<PrimerChunkMessage>(new(Hash, 10, 20, 16_000, 2, [0f, 1f, -1f, 0.25f, float.Epsilon, -0f])),
        new MessageCase<SeekMessage>(new(long.MinValue)),
        new MessageCase<StartMessage>(new()),
        new MessageCase<StopMessage>(new()),
        new MessageCase<StatusRequestMessage>(new()),
        new MessageCase<StatusMessage>(new(true, "cuda:0", 4096, 17, "preset 'x' not found", Hash)),
        new MessageCase<ErrorMessage>(new(ErrorCode.PresetNotFound, "no preset named 'ピアノ'")),
        new MessageCase<HeartbeatMessage>(new(12345)),
        new MessageCase<GoodbyeMessage>(new()),
    ];

    /// <summary>Messages whose layout differs between versions, framed in the older versions (without the newer fields).</summary>
    public static IReadOnlyList<IMessageCase> OlderVersions { get; } =
    [
        new MessageCase<ArmTakeMessage>(new(99, "piano", 0xDEADBEEF_CAFEBABE, -3, ContentHash.OfSamples([0.5f, -0.5f], 2, 16_000)), version: 1),
        new MessageCase<StatusMessage>(new(true, "cuda:0", 4096, 17, "preset 'x' not found"), version: 2),
    ];

    /// <summary>Every sample in every version it exists in.</summary>
    public static IEnumerable<IMessageCase> AllVersions => All.Concat(OlderVersions);

    public static IMessageCase For(MessageType type) => All.Single(c => c.Type == type);
}
