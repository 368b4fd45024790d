using Ada.Protocol;

namespace Ada.Service.Takes;

/// <summary>The disk half of the take cache: <c>{root}/{take id}/{chunk:D6}.chunk</c>, written through as chunks complete.</summary>
internal sealed class TakeDiskCache(string root, int chunkSamples)
{
    /// <summary>The cache root folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Model-rate samples per chunk.</summary>
    public int ChunkSamples { get; } = chunkSamples;

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/>; false when it is not (validly) on disk.</summary>
    public bool TryRead(ContentHash take, int index, Span<byte> destination) =>
        ChunkFile.TryRead(ChunkPath(take, index), take, ChunkSamples, index, destination);

    /// <summary>Writes chunk <paramref name="index"/> (atomically; an existing copy is replaced by identical bytes).</summary>
    public void Write(ContentHash take, int index, ReadOnlySpan<byte> classes) =>
        ChunkFile.Write(ChunkPath(take, index), take, ChunkSamples, index, classes);

    private string ChunkPath(ContentHash take, int index) => Path.Combine(Root, take.ToString(), $"{index:D6}.chunk");
}
