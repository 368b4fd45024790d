using System.Buffers.Binary;
using System.Text;

namespace Ada.Data;

/// <summary>
/// Reads the directory of a Doom WAD ("IWAD"/"PWAD": lump count and directory offset, then 16-byte
/// entries of offset, size and an 8-character name) and pulls out the lumps that are Standard MIDI files.
/// </summary>
public static class WadReader
{
    private const int HeaderBytes = 12;
    private const int EntryBytes = 16;

    /// <summary>Parses and bounds-checks the lump directory; <paramref name="name"/> is used in errors.</summary>
    public static IReadOnlyList<WadLump> ReadDirectory(Stream wad, string name)
    {
        long length = wad.Length;
        Span<byte> header = stackalloc byte[HeaderBytes];
        wad.Position = 0;
        if (wad.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            throw Bad(name, "shorter than the 12-byte WAD header");
        if (!header[..4].SequenceEqual("IWAD"u8) && !header[..4].SequenceEqual("PWAD"u8))
            throw Bad(name, "does not start with IWAD or PWAD");
        int count = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        int directoryOffset = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (count < 0 || directoryOffset < HeaderBytes || directoryOffset + (long)count * EntryBytes > length)
            throw Bad(name, $"directory of {count} entries at offset {directoryOffset} does not fit in {length} bytes");

        var entries = new byte[count * EntryBytes];
        wad.Position = directoryOffset;
        wad.ReadExactly(entries);
        var lumps = new WadLump[count];
        for (int i = 0; i < count; i++)
        {
            var entry = entries.AsSpan(i * EntryBytes, EntryBytes);
            int offset = BinaryPrimitives.ReadInt32LittleEndian(entry);
            int size = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
            var rawName = entry[8..];
            int end = rawName.IndexOf((byte)0);
            string lumpName = Encoding.ASCII.GetString(end < 0 ? rawName : rawName[..end]);
            if (offset < 0 || size < 0 || (long)offset + size > length)
                throw Bad(name, $"lump {i} '{lumpName}' ({size} bytes at offset {offset}) lies outside the file");
            lumps[i] = new WadLump(lumpName, offset, size);
        }
        return lumps;
    }

    /// <summary>Reads one lump's bytes.</summary>
    public static byte[] ReadLump(Stream wad, WadLump lump)
    {
        var data = new byte[lump.Size];
        wad.Position = lump.Offset;
        wad.ReadExactly(data);
        return data;
    }

    /// <summary>Every lump whose data starts with "MThd" (a Standard MIDI file), in directory order.</summary>
    public static IReadOnlyList<(WadLump Lump, byte[] Data)> ReadMidiLumps(Stream wad, string name)
    {
        var found = new List<(WadLump, byte[])>();
        Span<byte> magic = stackalloc byte[4];
        foreach (var lump in ReadDirectory(wad, name))
        {
            if (lump.Size < magic.Length)
                continue;
            wad.Position = lump.Offset;
            wad.ReadExactly(magic);
            if (magic.SequenceEqual("MThd"u8))
                found.Add((lump, ReadLump(wad, lump)));
        }
        return found;
    }

    /// <summary>Every MIDI lump of a WAD file on disk.</summary>
    public static IReadOnlyList<(WadLump Lump, byte[] Data)> ReadMidiLumps(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadMidiLumps(stream, path);
    }

    private static InvalidDataException Bad(string name, string problem) => new($"WAD file {name}: {problem}");
}
