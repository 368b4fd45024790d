using Ada.Protocol;
using Ada.Protocol.Messages;

namespace Ada.Service.Sessions;

/// <summary>
/// Assembles one client's primer chunks (through <see cref="PrimerAssembler"/>, which checks order and the final hash)
/// and stores complete primers. Chunks of a primer already stored are accepted and ignored (a re-send).
/// </summary>
internal sealed class PrimerIntake(PrimerStore store, long maxFrames)
{
    private const int MaxOpen = 2;
    private const int MaxChannels = 2; // Side-chain capture is mono or stereo; this bounds what one primer may allocate.
    private readonly Dictionary<ContentHash, PrimerAssembler> _open = [];

    /// <summary>Adds a chunk; throws <see cref="RequestException"/> when it does not continue its primer.</summary>
    public void Add(in PrimerChunkMessage chunk)
    {
        if (store.Contains(chunk.PrimerHash)) return;
        if (!_open.TryGetValue(chunk.PrimerHash, out var assembler))
        {
            if (chunk.Channels > MaxChannels)
                throw new RequestException(ErrorCode.BadRequest, $"PrimerChunk: a primer has at most {MaxChannels} channels, got {chunk.Channels}");
            if (chunk.OffsetFrames != 0)
                throw new RequestException(ErrorCode.BadRequest, $"PrimerChunk: primer {chunk.PrimerHash} starts at frame {chunk.OffsetFrames}, expected 0");
            if (_open.Count >= MaxOpen)
                throw new RequestException(ErrorCode.Busy, $"PrimerChunk: {MaxOpen} primers are already being received; finish one first");
            _open[chunk.PrimerHash] = assembler = new PrimerAssembler(maxFrames);
        }
        if (!assembler.TryAdd(chunk, out var error))
        {
            _open.Remove(chunk.PrimerHash);
            throw new RequestException(ErrorCode.BadRequest, error.Message);
        }
        if (!assembler.IsComplete) return;
        _open.Remove(chunk.PrimerHash);
        store.Add(new StoredPrimer(assembler.Hash, assembler.Samples.ToArray(), assembler.Channels, assembler.SampleRate));
    }
}
