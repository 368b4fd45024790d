using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

/// <summary>The reader checks a ring file before trusting it, and keeps checking the shared indices after.</summary>
public class RingValidationTests
{
    private TempDirectory _dir = null!;
    private RingWriter _writer = null!;

    [SetUp]
    public void Create()
    {
        _dir = new TempDirectory();
        _writer = RingWriter.Create(RingFile.Options(_dir, channels: 2, capacity: 64));
    }

    [TearDown]
    public void Delete()
    {
        _writer.Dispose();
        _dir.Dispose();
    }

    [TestCase(RingLayout.MagicOffset, 0x12345678u, RingErrorCode.BadMagic, "magic is 0x12345678")]
    [TestCase(RingLayout.VersionOffset, 2u, RingErrorCode.UnsupportedVersion, "format version is 2")]
    [TestCase(RingLayout.HeaderSizeOffset, 256u, RingErrorCode.BadHeaderSize, "header size is 256")]
    [TestCase(RingLayout.ChannelsOffset, 0u, RingErrorCode.BadChannels, "channels is 0")]
    [TestCase(RingLayout.ChannelsOffset, 9u, RingErrorCode.BadChannels, "channels is 9")]
    [TestCase(RingLayout.SampleRateOffset, 0u, RingErrorCode.BadSampleRate, "sample rate is 0")]
    [TestCase(RingLayout.CapacityOffset, 100u, RingErrorCode.BadCapacity, "capacity is 100 frames")]
    [TestCase(RingLayout.CapacityOffset, 8u, RingErrorCode.BadCapacity, "capacity is 8 frames")]
    [TestCase(RingLayout.TakeIdOffset, 8u, RingErrorCode.ChecksumMismatch, "checksum")]
    public void A_corrupt_header_field_is_detected_and_named(int offset, uint value, RingErrorCode code, string text)
    {
        RingFile.PokeU32(_writer.Path, offset, value);

        Assert.That(RingReader.TryOpen(_writer.Path, out var reader, out var error), Is.False);
        Assert.That(reader, Is.Null);
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(error.Message, Does.Contain(text).And.Contain(_writer.Path));
    }

    [Test]
    public void A_capacity_beyond_the_file_length_is_detected_as_truncated()
    {
        string copy = _dir.File("short.ring");
        File.Copy(_writer.Path, copy);
        using (var stream = new FileStream(copy, FileMode.Open)) stream.SetLength(RingLayout.HeaderSize + 63 * 2 * 4);

        Assert.That(RingReader.TryOpen(copy, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(RingErrorCode.Truncated));
        Assert.That(error.Message, Does.Contain($"needs {RingLayout.HeaderSize + 64 * 2 * 4}"));
    }

    [Test]
    public void A_file_shorter_than_the_header_and_a_missing_file_are_detected()
    {
        string tiny = _dir.File("tiny.ring");
        File.WriteAllBytes(tiny, new byte[100]);

        Assert.That(RingReader.TryOpen(tiny, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(RingErrorCode.TooShort));
        Assert.That(RingReader.TryOpen(_dir.File("absent.ring"), out _, out error), Is.False);
        Assert.That(error.Code, Is.EqualTo(RingErrorCode.NotFound));
    }

    [TestCase(3ul, 5ul, TestName = "write index below read index")]
    [TestCase(1000ul, 0ul, TestName = "write index more than a capacity ahead")]
    public void Inconsistent_indices_are_detected_at_open(ulong write, ulong read)
    {
        RingFile.PokeU64(_writer.Path, RingLayout.WriteIndexOffset, write);
        RingFile.PokeU64(_writer.Path, RingLayout.ReadIndexOffset, read);

        Assert.That(RingReader.TryOpen(_writer.Path, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(RingErrorCode.InconsistentIndices));
    }

    [Test]
    public void Indices_corrupted_after_open_fault_the_reader_into_silence_for_good()
    {
        using var reader = RingFile.Open(_writer.Path);
        _writer.BeginSegment(0, 1);
        _writer.Write(new float[8 * 2]);
        RingFile.PokeU64(_writer.Path, RingLayout.WriteIndexOffset, 1_000_000);
        var block = Enumerable.Repeat(1f, 16 * 2).ToArray();

        Assert.That(reader.Read(block), Is.Zero);
        Assert.That(reader.Fault, Is.EqualTo(RingErrorCode.InconsistentIndices));
        Assert.That(reader.ReadAt(0, block).Status, Is.EqualTo(RingReadStatus.Faulted));
        Assert.That(block, Is.All.Zero);
        RingFile.PokeU64(_writer.Path, RingLayout.WriteIndexOffset, 8);
        Assert.That(reader.Read(block), Is.Zero, "a faulted ring is never trusted again");
    }

    [Test]
    public void A_segment_generation_going_backwards_faults_the_reader()
    {
        using var reader = RingFile.Open(_writer.Path);
        _writer.BeginSegment(0, 1);
        _writer.BeginSegment(0, 1);
        Assert.That(reader.AvailableFrames, Is.Zero);
        RingFile.PokeU64(_writer.Path, RingLayout.SegmentGenerationOffset, 1);

        Assert.That(reader.Read(new float[2]), Is.Zero);
        Assert.That(reader.Fault, Is.EqualTo(RingErrorCode.SegmentCorrupt));
    }

    [Test]
    public void The_writer_treats_a_nonsense_read_index_as_no_free_space()
    {
        RingFile.PokeU64(_writer.Path, RingLayout.ReadIndexOffset, 50); // ahead of the write index (0)

        Assert.That(_writer.IsConsumerFaulted, Is.True);
        Assert.That((_writer.FreeFrames, _writer.BufferedFrames), Is.EqualTo((0, 0)));
        Assert.That(_writer.Write(new float[4]), Is.Zero);
    }

    [Test]
    public void Random_garbage_files_are_rejected_without_exceptions()
    {
        var random = new Random(8);
        string path = _dir.File("garbage.ring");
        var codes = new HashSet<RingErrorCode>();
        for (int i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length >= 4) BitConverter.TryWriteBytes(bytes, RingLayout.Magic); // get past the magic check
            File.WriteAllBytes(path, bytes);

            Assert.That(RingReader.TryOpen(path, out var reader, out var error), Is.False, $"case {i}");
            Assert.That(reader, Is.Null);
            codes.Add(error.Code);
        }
        Assert.That(codes, Does.Contain(RingErrorCode.BadMagic).And.Contain(RingErrorCode.TooShort).And.Contain(RingErrorCode.UnsupportedVersion));
    }

    [Test]
    public void A_valid_format_with_random_shared_fields_opens_consistently_or_is_rejected()
    {
        var random = new Random(21);
        for (int i = 0; i < 300; i++)
        {
            ulong write = (ulong)random.NextInt64(0, 300), read = (ulong)random.NextInt64(0, 300);
            RingFile.PokeU64(_writer.Path, RingLayout.WriteIndexOffset, write);
            RingFile.PokeU64(_writer.Path, RingLayout.ReadIndexOffset, read);
            RingFile.PokeU64(_writer.Path, RingLayout.SegmentStartOffset, (ulong)random.NextInt64());
            RingFile.PokeU64(_writer.Path, RingLayout.SegmentPositionOffset, (ulong)random.NextInt64(long.MinValue, long.MaxValue));
            RingFile.PokeU64(_writer.Path, RingLayout.SegmentGenerationOffset, (ulong)random.Next(0, 3));

            bool consistent = read <= write && write - read <= 64;
            bool opened = RingReader.TryOpen(_writer.Path, out var reader, out var error);
            Assert.That(opened, Is.EqualTo(consistent), $"write {write}, read {read}: {error}");
            if (!opened) continue;
            using (reader)
            {
                var result = reader!.ReadAt(random.NextInt64(long.MinValue, long.MaxValue), new float[64 * 2]);
                Assert.That(result.FramesFromRing, Is.InRange(0, 64));
                Assert.That(reader.ReadIndex, Is.InRange(read, write));
            }
        }
    }
}
