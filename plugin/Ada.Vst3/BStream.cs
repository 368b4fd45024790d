using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>A host's IBStream as a plug-in calls it: reads and writes whole spans.</summary>
public readonly unsafe struct BStream(IBStream* stream)
{
    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    public int Read(Span<byte> buffer)
    {
        var total = 0;
        fixed (byte* start = buffer)
        {
            while (total < buffer.Length)
            {
                var read = 0;
                var result = stream->Vtable->Read(stream, start + total, buffer.Length - total, &read);
                if (result != TResult.Ok || read <= 0)
                {
                    break;
                }
                total += read;
            }
        }
        return total;
    }

    /// <summary>Writes all of <paramref name="data"/>; false if the stream took less.</summary>
    public bool Write(ReadOnlySpan<byte> data)
    {
        var total = 0;
        fixed (byte* start = data)
        {
            while (total < data.Length)
            {
                var written = 0;
                var result = stream->Vtable->Write(stream, start + total, data.Length - total, &written);
                if (result != TResult.Ok || written <= 0)
                {
                    return false;
                }
                total += written;
            }
        }
        return true;
    }
}
