using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

/// <summary>Mapping ring frames to project samples, and what a block at a given position receives.</summary>
public class RingSegmentTests
{
    private const int Channels = 2;
    private TempDirectory _dir = null!;
    private RingWriter _writer = null!;
    private RingReader _reader = null!;

    [SetUp]
    public void Open()
    {
        _dir = new TempDirectory();
        _writer = RingWriter.Create(RingFile.Options(_dir, channels: Channels, capacity: 256));
        _reader = RingFile.Open(_writer.Path);
    }

    [TearDown]
    public void Close()
    {
        _reader.Dispose();
        _writer.Dispose();
        _dir.Dispose();
    }

    [Test]
    public void Cursor_gives_the_project_position_of_the_next_frame()
    {
        _writer.BeginSegment(projectPosition: 1000, takeId: 5);
        WriteSignal(64, first: 0);

        Assert.That(_reader.TryGetCursor(out var cursor), Is.True);
        Assert.That(cursor, Is.EqualTo(new RingCursor(1000, 5, 1, 64)));
        _reader.Read(new float[10 * Channels]);
        Assert.That(_reader.TryGetCursor(out cursor) && cursor.ProjectPosition == 1010 && cursor.AvailableFrames == 54, Is.True);
    }

    [Test]
    public void A_new_segment_drops_the_unread_frames_of_the_old_one()
    {
        _writer.BeginSegment(0, 5);
        WriteSignal(40, first: 0);
        _reader.Read(new float[10 * Channels]);
        _writer.BeginSegment(projectPosition: 48_000, takeId: 6); // seek
        WriteSignal(8, first: 1000);

        var block = new float[64 * Channels];
        int got = _reader.Read(block);

        Assert.That(got, Is.EqualTo(8));
        Assert.That(Frames.FirstMismatch(block.AsSpan(0, got * Channels), 1000, Channels), Is.EqualTo(-1));
        Assert.That(_reader.Segment, Is.EqualTo(new RingSegment(40, 48_000, 6, 2)));
        Assert.That(_writer.FreeFrames, Is.EqualTo(256), "the dropped frames are free again");
    }

    [Test]
    public void Before_any_segment_ReadAt_is_silent_and_reports_no_segment()
    {
        WriteSignal(16, first: 0);
        var block = Filled(8);

        Assert.That(_reader.ReadAt(0, block), Is.EqualTo(new RingReadResult(RingReadStatus.NoSegment, 0, 0)));
        Assert.That(block, Is.All.Zero);
        Assert.That(_reader.TryGetCursor(out _), Is.False);
    }

    [Test]
    public void ReadAt_the_ring_position_returns_consecutive_blocks()
    {
        _writer.BeginSegment(500, 1);
        WriteSignal(64, first: 0);
        var block = new float[32 * Channels];

        Assert.That(_reader.ReadAt(500, block), Is.EqualTo(new RingReadResult(RingReadStatus.Ok, 32, 0)));
        Assert.That(Frames.FirstMismatch(block, 0, Channels), Is.EqualTo(-1));
        Assert.That(_reader.ReadAt(532, block), Is.EqualTo(new RingReadResult(RingReadStatus.Ok, 32, 0)));
        Assert.That(Frames.FirstMismatch(block, 32, Channels), Is.EqualTo(-1));
    }

    [Test]
    public void A_segment_starting_inside_the_block_gets_leading_silence()
    {
        _writer.BeginSegment(510, 1);
        WriteSignal(64, first: 0);
        var block = Filled(32);

        Assert.That(_reader.ReadAt(500, block), Is.EqualTo(new RingReadResult(RingReadStatus.Ok, 22, 10)));
        Assert.That(block.AsSpan(0, 10 * Channels).ToArray(), Is.All.Zero);
        Assert.That(Frames.FirstMismatch(block.AsSpan(10 * Channels), 0, Channels), Is.EqualTo(-1));
    }

    [Test]
    public void A_ring_behind_the_block_drops_its_old_frames_and_stays_silent()
    {
        _writer.BeginSegment(0, 1);
        WriteSignal(64, first: 0);
        var block = Filled(32);

        Assert.That(_reader.ReadAt(1000, block).Status, Is.EqualTo(RingReadStatus.Behind));
        Assert.That(block, Is.All.Zero);
        Assert.That(_reader.AvailableFrames, Is.Zero);
        Assert.That(_reader.Underruns, Is.Zero, "a seek transient is not an underrun");
    }

    [Test]
    public void A_ring_partly_behind_skips_to_the_block_position()
    {
        _writer.BeginSegment(0, 1);
        WriteSignal(100, first: 0);
        var block = new float[32 * Channels];

        Assert.That(_reader.ReadAt(40, block), Is.EqualTo(new RingReadResult(RingReadStatus.Ok, 32, 0)));
        Assert.That(Frames.FirstMismatch(block, 40, Channels), Is.EqualTo(-1));
    }

    [Test]
    public void A_ring_ahead_of_the_block_keeps_its_frames_for_later()
    {
        _writer.BeginSegment(1000, 1);
        WriteSignal(64, first: 0);
        var block = Filled(32);

        Assert.That(_reader.ReadAt(0, block), Is.EqualTo(new RingReadResult(RingReadStatus.Ahead, 0, 32)));
        Assert.That(block, Is.All.Zero);
        Assert.That(_reader.AvailableFrames, Is.EqualTo(64));
    }

    [Test]
    public void Running_dry_at_the_right_position_is_one_underrun_with_a_silent_tail()
    {
        _writer.BeginSegment(0, 1);
        WriteSignal(10, first: 0);
        var block = Filled(32);

        Assert.That(_reader.ReadAt(0, block), Is.EqualTo(new RingReadResult(RingReadStatus.Underrun, 10, 0)));
        Assert.That(Frames.FirstMismatch(block.AsSpan(0, 10 * Channels), 0, Channels), Is.EqualTo(-1));
        Assert.That(block.AsSpan(10 * Channels).ToArray(), Is.All.Zero);
        Assert.That(_reader.ReadAt(32, block).Status, Is.EqualTo(RingReadStatus.Behind));
        Assert.That((_reader.Underruns, _writer.Underruns), Is.EqualTo((1ul, 1ul)));
    }

    [Test]
    public void A_torn_segment_record_yields_nothing_until_the_producer_finishes_it()
    {
        _writer.BeginSegment(0, 1);
        WriteSignal(10, first: 0);
        RingFile.PokeU64(_writer.Path, RingLayout.SegmentSequenceOffset, 3); // odd: mid-update

        Assert.That(_reader.Read(new float[10 * Channels]), Is.Zero);
        Assert.That(_reader.IsFaulted, Is.False);
        RingFile.PokeU64(_writer.Path, RingLayout.SegmentSequenceOffset, 4);
        Assert.That(_reader.Read(new float[10 * Channels]), Is.EqualTo(10));
    }

    private void WriteSignal(int frames, ulong first)
    {
        var block = new float[frames * Channels];
        Frames.Fill(block, first, Channels);
        Assert.That(_writer.Write(block), Is.EqualTo(frames));
    }

    private static float[] Filled(int frames) => Enumerable.Repeat(9f, frames * Channels).ToArray();
}
