using System.Diagnostics;
using AdaPlugin.Service;

namespace AdaPlugin.Tests.Service;

/// <summary>Plays a <see cref="ServiceTakeSource"/> the way AdaProcessor does: BeginBlock, note events, one Read per held key.</summary>
internal sealed class SourceDriver(ServiceTakeSource source, int block)
{
    public const int Rate = 48_000;

    private readonly float[] _left = new float[block];
    private readonly float[] _right = new float[block];

    /// <summary>Renders [from, from + frames) of <paramref name="key"/>'s take into interleaved stereo; note-on at the first block.</summary>
    public float[] Render(int key, long from, int frames, bool offline)
    {
        var output = new float[frames * 2];
        for (var done = 0; done < frames; done += block)
        {
            var n = Math.Min(block, frames - done);
            Block(from + done, n, offline, done == 0 ? key : -1);
            var got = source.Read(key, from + done, _left.AsSpan(0, n), _right.AsSpan(0, n));
            for (var i = 0; i < got; i++)
            {
                output[2 * (done + i)] = _left[i];
                output[2 * (done + i) + 1] = _right[i];
            }
        }
        return output;
    }

    /// <summary>One block at <paramref name="position"/>, with a note-on for <paramref name="noteOn"/> unless it is negative.</summary>
    public void Block(long position, int frames, bool offline, int noteOn = -1)
    {
        source.BeginBlock(new BlockTiming(position, frames, true, offline, 120, 0, 4, 4));
        if (noteOn >= 0)
        {
            source.OnNote(new NoteEvent(0, true, noteOn, 1f), position);
        }
    }

    /// <summary>
    /// Plays realtime blocks holding <paramref name="key"/>, looping over 0.25 s from <paramref name="start"/> like a host in
    /// cycle mode (each wrap is a seek), until a block is full of take audio (the first block after a seek may start with silence); returns that block's position and
    /// its frames (interleaved stereo).
    /// </summary>
    public (long Position, float[] Frames) PlayUntilSounding(int key, long start, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var position = start;
        Block(position, block, false, key);
        while (clock.Elapsed < limit)
        {
            position = position + block >= start + Rate / 4 ? start : position + block;
            Block(position, block, false);
            // First and last frame non-zero: the ring's segment does not start inside this block.
            if (source.Read(key, position, _left, _right) == block && _left[0] != 0 && _left[^1] != 0)
            {
                var frames = new float[2 * block];
                for (var i = 0; i < block; i++)
                {
                    (frames[2 * i], frames[2 * i + 1]) = (_left[i], _right[i]);
                }
                return (position, frames);
            }
            Thread.Sleep(2);
        }
        Assert.Fail($"key {key} did not sound within {limit.TotalSeconds} s; status {source.Status}");
        return (start, []);
    }
}
