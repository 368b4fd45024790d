using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ada.Data;

/// <summary>
/// Open handles on a split's WAV files, read by sample range without loading whole files.
/// Reads use positional I/O (no shared file position), so concurrent reads are safe.
/// </summary>
internal sealed class PcmFileSet : IDisposable
{
    private readonly SafeFileHandle[] _handles;
    private readonly WavInfo[] _infos;

    public PcmFileSet(IReadOnlyList<ManifestEntry> entries, string datasetDirectory)
    {
        Entries = entries;
        _handles = new SafeFileHandle[entries.Count];
        _infos = new WavInfo[entries.Count];
        try
        {
            for (int i = 0; i < entries.Count; i++)
            {
                var path = Path.Combine(datasetDirectory, entries[i].Path);
                _infos[i] = Pcm16Wav.ReadInfo(path);
                if (_infos[i].SampleCount != entries[i].Samples)
                    throw new InvalidDataException(
                        $"WAV file {path}: has {_infos[i].SampleCount} samples but the manifest says {entries[i].Samples} (re-run 'ada data fetch')");
                _handles[i] = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The manifest entries, in the order files are indexed.</summary>
    public IReadOnlyList<ManifestEntry> Entries { get; }

    /// <summary>Samples in file <paramref name="file"/>.</summary>
    public long SampleCount(int file) => _infos[file].SampleCount;

    /// <summary>Reads destination.Length samples of a file starting at sample <paramref name="offset"/>.</summary>
    public void Read(int file, long offset, Span<short> destination)
    {
        if (offset < 0 || offset + destination.Length > _infos[file].SampleCount)
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"samples [{offset}, {offset + destination.Length}) lie outside {Entries[file].Path} ({_infos[file].SampleCount} samples)");
        var bytes = MemoryMarshal.AsBytes(destination);
        long position = _infos[file].DataOffset + offset * AudioFormat.BytesPerSample;
        while (bytes.Length > 0)
        {
            int read = RandomAccess.Read(_handles[file], bytes, position);
            if (read == 0)
                throw new InvalidDataException($"WAV file {Entries[file].Path}: ended early (truncated after opening?)");
            bytes = bytes[read..];
            position += read;
        }
        Pcm16Wav.FromLittleEndian(destination);
    }

    public void Dispose()
    {
        foreach (var handle in _handles)
            handle?.Dispose();
    }
}
