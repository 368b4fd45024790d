using System.Buffers.Binary;
using System.Text;

namespace Ada.Data.Tests;

public class WadReaderTests
{
    private static readonly byte[] MidiA = [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96];
    private static readonly byte[] MidiB = [.. "MThd"u8, 0, 0, 0, 6, 0, 1, 0, 2, 0, 120, 9];
    private static readonly byte[] NotMidi = [.. "MUS\x1a"u8, 1, 2, 3];

    /// <summary>Builds a WAD: 12-byte header, lump data, then 16-byte directory entries.</summary>
    private static byte[] BuildWad(string magic, params (string Name, byte[] Data)[] lumps)
    {
        using var wad = new MemoryStream();
        wad.Write(new byte[12]);
        var offsets = new List<int>();
        foreach (var (_, data) in lumps)
        {
            offsets.Add((int)wad.Position);
            wad.Write(data);
        }
        int directory = (int)wad.Position;
        for (int i = 0; i < lumps.Length; i++)
        {
            var entry = new byte[16];
            BinaryPrimitives.WriteInt32LittleEndian(entry, offsets[i]);
            BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), lumps[i].Data.Length);
            Encoding.ASCII.GetBytes(lumps[i].Name).CopyTo(entry, 8);
            wad.Write(entry);
        }
        var bytes = wad.ToArray();
        Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), lumps.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), directory);
        return bytes;
    }

    [Test]
    public void Directory_lists_names_offsets_and_sizes()
    {
        var wad = BuildWad("IWAD", ("D_INTRO", MidiA), ("MAP01", []), ("DEMO1", NotMidi), ("D_RUNNIN", MidiB));

        var lumps = WadReader.ReadDirectory(new MemoryStream(wad), "test.wad");

        Assert.That(lumps.Select(l => l.Name), Is.EqualTo(new[] { "D_INTRO", "MAP01", "DEMO1", "D_RUNNIN" }));
        Assert.That(lumps.Select(l => l.Size), Is.EqualTo(new[] { MidiA.Length, 0, NotMidi.Length, MidiB.Length }));
        Assert.That(lumps[0].Offset, Is.EqualTo(12));
        Assert.That(lumps[2].Offset, Is.EqualTo(12 + MidiA.Length));
    }

    [Test]
    public void Midi_lumps_are_the_ones_starting_with_MThd_with_their_exact_bytes()
    {
        var wad = BuildWad("PWAD", ("D_INTRO", MidiA), ("MAP01", []), ("D_E1M1", NotMidi), ("D_RUNNIN", MidiB));

        var midi = WadReader.ReadMidiLumps(new MemoryStream(wad), "test.wad");

        Assert.That(midi.Select(m => m.Lump.Name), Is.EqualTo(new[] { "D_INTRO", "D_RUNNIN" }));
        Assert.That(midi[0].Data, Is.EqualTo(MidiA));
        Assert.That(midi[1].Data, Is.EqualTo(MidiB));
    }

    [Test]
    public void Wrong_magic_is_rejected_naming_the_file()
    {
        var wad = BuildWad("ZWAD", ("D_INTRO", MidiA));

        var error = Assert.Throws<InvalidDataException>(() => WadReader.ReadDirectory(new MemoryStream(wad), "broken.wad"));

        Assert.That(error!.Message, Does.Contain("broken.wad").And.Contain("IWAD or PWAD"));
    }

    [Test]
    public void Lump_outside_the_file_is_rejected()
    {
        var wad = BuildWad("PWAD", ("D_INTRO", MidiA));
        int directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wad.AsSpan(directory + 4), 1_000_000);

        var error = Assert.Throws<InvalidDataException>(() => WadReader.ReadDirectory(new MemoryStream(wad), "big.wad"));

        Assert.That(error!.Message, Does.Contain("big.wad").And.Contain("D_INTRO").And.Contain("outside"));
    }

    [Test]
    public void Directory_past_the_end_is_rejected()
    {
        var wad = BuildWad("PWAD", ("D_INTRO", MidiA));
        BinaryPrimitives.WriteInt32LittleEndian(wad.AsSpan(4), 50);

        var error = Assert.Throws<InvalidDataException>(() => WadReader.ReadDirectory(new MemoryStream(wad), "short.wad"));

        Assert.That(error!.Message, Does.Contain("short.wad").And.Contain("50 entries"));
    }
}
