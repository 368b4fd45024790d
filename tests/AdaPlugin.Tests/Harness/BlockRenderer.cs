namespace AdaPlugin.Tests.Harness;

/// <summary>Plays notes through a started <see cref="PluginInstance"/> block by block, as a host's timeline would.</summary>
internal static unsafe class BlockRenderer
{
    /// <summary>Renders <paramref name="totalSamples"/> frames; returns (left, right).</summary>
    public static (float[] Left, float[] Right) Render(PluginInstance plugin, int totalSamples, int blockSize, IReadOnlyList<NoteSpec> notes,
        Action<int, HostParameterChanges>? automation = null, long startSample = 0)
    {
        var left = new float[totalSamples];
        var right = new float[totalSamples];
        using var buffers = new ProcessBuffers(blockSize);
        using var events = new HostEventList();
        using var changes = new HostParameterChanges();
        for (var start = 0; start < totalSamples; start += blockSize)
        {
            var n = Math.Min(blockSize, totalSamples - start);
            events.Clear();
            changes.Clear();
            foreach (var note in notes)
            {
                if (note.Start >= start && note.Start < start + n)
                {
                    events.NoteOn(note.Start - start, note.Key, note.Velocity);
                }
                if (note.End >= start && note.End < start + n)
                {
                    events.NoteOff(note.End - start, note.Key);
                }
            }
            automation?.Invoke(start, changes);
            buffers.Prepare(n, startSample + start, events, changes);
            var result = plugin.Process(buffers.Data);
            if (result != Ada.Vst3.Interop.TResult.Ok)
            {
                throw new InvalidOperationException($"process returned {result} at sample {start}");
            }
            buffers.Left[..n].CopyTo(left.AsSpan(start));
            buffers.Right[..n].CopyTo(right.AsSpan(start));
        }
        return (left, right);
    }
}
