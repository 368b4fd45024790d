using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>An .adackpt file, the single source of truth for a trained level: magic, format version, JSON header, raw float32 data.</summary>
/// <remarks>Layout: "ADACKPT\0", u32 format version, u32 header bytes, UTF-8 JSON <see cref="CheckpointHeader"/>, zero padding to a
/// multiple of 64, then the data section (each tensor 64-byte aligned, little-endian float32, row-major).</remarks>
public sealed class Checkpoint
{
    /// <summary>The newest format this code reads and the one it writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Conventional file extension.</summary>
    public const string Extension = ".adackpt";

    const int Alignment = 64;
    const int PrefixBytes = 16;
    static ReadOnlySpan<byte> Magic => "ADACKPT\0"u8;

    /// <summary>File the checkpoint was read from.</summary>
    public string Path { get; }

    /// <summary>The parsed header.</summary>
    public CheckpointHeader Header { get; }

    /// <summary>Weights sorted by name.</summary>
    public IReadOnlyList<NamedWeight> Weights { get; }

    /// <summary>Adam moments sorted by name, or empty.</summary>
    public IReadOnlyList<NamedWeight> Moments { get; }

    /// <summary>Architecture of the stored model.</summary>
    public ModelConfig Model => Header.Model;

    /// <summary>Training steps taken when it was written.</summary>
    public long Step => Header.Step;

    /// <summary>SHA-256 (hex) of the weights; the sampler's export carries it as the model identity.</summary>
    public string ContentHash => Header.ContentHash;

    Checkpoint(string path, CheckpointHeader header, IReadOnlyList<NamedWeight> weights, IReadOnlyList<NamedWeight> moments)
    {
        Path = path;
        Header = header;
        Weights = weights;
        Moments = moments;
    }

    /// <summary>SHA-256 (lowercase hex) of the tensors' little-endian float32 bytes, concatenated in ordinal name order.</summary>
    public static string Hash(IEnumerable<NamedWeight> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var bytes = new byte[t.Values.Length * sizeof(float)];
            TensorData.WriteLittleEndian(t.Values, bytes);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes <paramref name="model"/> (and optionally the optimizer state) atomically; returns the content hash.</summary>
    public static string Write(string path, LevelModel model, long step, RunConfig? run = null, AdamOptimizer? optimizer = null, double elapsedSeconds = 0)
    {
        var weights = model.NamedWeights();
        var moments = optimizer?.Moments() ?? [];
        long offset = 0;
        var weightEntries = Place(weights, ref offset);
        var momentEntries = Place(moments, ref offset);
        // the data section ends with the last tensor: no unhashed trailing padding
        var dataLength = weightEntries.Concat(momentEntries).Select(e => e.Offset + e.Bytes).DefaultIfEmpty(0).Max();
        var header = new CheckpointHeader(
            model.Config.Kind, model.Config, step, weightEntries, Hash(weights), dataLength, run,
            optimizer?.State, optimizer is null ? null : momentEntries, optimizer is null ? null : Hash(moments),
            elapsedSeconds, TorchRuntime.TorchSharpVersion);
        var headerBytes = Encoding.UTF8.GetBytes(Json.Write(header));
        var dataStart = Align(PrefixBytes + headerBytes.Length);
        var file = new byte[dataStart + dataLength];
        Magic.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)headerBytes.Length);
        headerBytes.CopyTo(file, PrefixBytes);
        foreach (var (entry, tensor) in weightEntries.Zip(weights).Concat(momentEntries.Zip(moments)))
            TensorData.WriteLittleEndian(tensor.Values, file.AsSpan((int)(dataStart + entry.Offset), (int)entry.Bytes));
        AtomicFile.Write(path, s => s.Write(file));
        return header.ContentHash;
    }

    static TensorEntry[] Place(IReadOnlyList<NamedWeight> tensors, ref long offset)
    {
        var entries = new TensorEntry[tensors.Count];
        for (var i = 0; i < tensors.Count; i++)
        {
            var bytes = (long)tensors[i].Values.Length * sizeof(float);
            entries[i] = new TensorEntry(tensors[i].Name, tensors[i].Shape, "float32", offset, bytes);
            offset = Align(offset + bytes);
        }
        return entries;
    }

    static long Align(long n) => (n + Alignment - 1) / Alignment * Alignment;

    /// <summary>Reads and fully validates a checkpoint (magic, version, header, kind, architecture, size, hashes) without building any module.</summary>
    /// <param name="expectedKind">Kind the caller needs, or null for any.</param>
    /// <param name="expectedModel">Architecture the caller will build, or null to trust the header's.</param>
    public static Checkpoint Read(string path, string? expectedKind = null, ModelConfig? expectedModel = null)
    {
        CheckpointException Fail(string problem) => new($"checkpoint {path}: {problem}");

        if (!File.Exists(path)) throw Fail("file not found");
        var file = File.ReadAllBytes(path);
        if (file.Length < PrefixBytes || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Fail("not an Ada checkpoint (bad magic)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8));
        if (version > FormatVersion) throw Fail($"format version {version} is newer than supported {FormatVersion}");
        if (version == 0) throw Fail("format version 0 is invalid");
        var headerLength = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        if (PrefixBytes + (long)headerLength > file.Length)
            throw Fail($"truncated ({file.Length} bytes, header alone needs {PrefixBytes + (long)headerLength})");

        var header = ParseHeader(file.AsSpan(PrefixBytes, (int)headerLength), Fail);
        var expectedLength = Align(PrefixBytes + headerLength) + header.DataLength;
        if (file.Length < expectedLength) throw Fail($"truncated ({file.Length} of {expectedLength} bytes)");
        if (file.Length > expectedLength) throw Fail($"corrupt ({file.Length - expectedLength} bytes after the data section)");
        if (expectedKind != null && header.Kind != expectedKind) throw Fail($"holds a '{header.Kind}' model but '{expectedKind}' is expected");
        if (expectedModel != null && expectedModel.Kind != header.Kind)
            throw Fail($"holds a '{header.Kind}' model but the config describes '{expectedModel.Kind}'");

        var layout = LevelModel.Layout(expectedModel ?? header.Model);
        CheckManifest(header.Tensors, layout, header.DataLength, Fail);
        var momentLayout = layout.SelectMany(w => new[] { w with { Name = "exp_avg." + w.Name }, w with { Name = "exp_avg_sq." + w.Name } })
            .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        if (header.Moments != null) CheckManifest(header.Moments, momentLayout, header.DataLength, Fail);
        if ((header.Moments == null) != (header.Optimizer == null)) throw Fail("corrupt header (optimizer state without moments or vice versa)");

        var data = file.AsSpan((int)Align(PrefixBytes + headerLength));
        var weights = Slice(header.Tensors, data);
        if (Hash(weights) != header.ContentHash) throw Fail("corrupt (hash mismatch)");
        var moments = header.Moments is null ? [] : Slice(header.Moments, data);
        if (header.Moments != null && Hash(moments) != header.MomentsHash) throw Fail("corrupt (optimizer state hash mismatch)");
        return new Checkpoint(path, header, weights, moments);
    }

    static CheckpointHeader ParseHeader(ReadOnlySpan<byte> bytes, Func<string, CheckpointException> fail)
    {
        try
        {
            var header = Json.Read<CheckpointHeader>(Encoding.UTF8.GetString(bytes), "header");
            header.Model.Validate("model");
            header.Run?.Validate();
            if (header.Kind != header.Model.Kind) throw new ConfigException($"kind '{header.Kind}' differs from model.kind '{header.Model.Kind}'");
            if (header.DataLength < 0) throw new ConfigException("negative data length");
            return header;
        }
        catch (ConfigException e)
        {
            throw fail($"corrupt header ({e.Message})");
        }
    }

    static void CheckManifest(TensorEntry[] entries, IReadOnlyList<WeightSpec> layout, long dataLength, Func<string, CheckpointException> fail)
    {
        var byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var spec in layout)
        {
            if (!byName.Remove(spec.Name, out var entry))
                throw fail($"architecture mismatch: {spec.Name} is missing but config expects shape {WeightSpec.Format(spec.Shape)}");
            if (!entry.Shape.SequenceEqual(spec.Shape))
                throw fail($"architecture mismatch: {spec.Name} has shape {WeightSpec.Format(entry.Shape)} but config expects {WeightSpec.Format(spec.Shape)}");
            if (entry.Dtype != "float32") throw fail($"{spec.Name} has dtype {entry.Dtype}; only float32 is supported");
            if (entry.Bytes != spec.Elements * sizeof(float) || entry.Offset < 0 || entry.Offset % Alignment != 0 || entry.Offset + entry.Bytes > dataLength)
                throw fail($"corrupt header ({spec.Name} lies outside the data section)");
        }
        if (byName.Count > 0) throw fail($"architecture mismatch: {byName.Keys.Order(StringComparer.Ordinal).First()} is not part of the configured model");
    }

    static NamedWeight[] Slice(TensorEntry[] entries, ReadOnlySpan<byte> data)
    {
        var result = new NamedWeight[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            result[i] = new NamedWeight(e.Name, e.Shape, TensorData.ReadLittleEndian(data.Slice((int)e.Offset, (int)e.Bytes)));
        }
        return result.OrderBy(w => w.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds the stored model (on <paramref name="device"/>, CPU by default) and loads its weights.</summary>
    public LevelModel CreateModel(Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        var model = LevelModel.Create(Model);
        LoadInto(model);
        if (device != null) model.to(device);
        return model;
    }

    /// <summary>Copies the weights into a model of the same architecture.</summary>
    public void LoadInto(LevelModel model)
    {
        if (model.Config != Model)
            throw new CheckpointException($"checkpoint {Path}: architecture mismatch: the model was built from a different config than the checkpoint's");
        var byName = Weights.ToDictionary(w => w.Name);
        foreach (var (name, parameter) in model.SortedParameters()) TensorData.CopyInto(parameter, byName[name]);
    }

    /// <summary>Restores the Adam moments; throws when the checkpoint has none.</summary>
    public void LoadOptimizer(AdamOptimizer optimizer)
    {
        if (Header.Optimizer is null) throw new CheckpointException($"checkpoint {Path}: has no optimizer state to resume from");
        optimizer.Load(Header.Optimizer, Moments);
    }
}
