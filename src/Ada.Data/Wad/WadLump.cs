namespace Ada.Data;

/// <summary>One directory entry of a Doom WAD file.</summary>
/// <param name="Name">Lump name, up to 8 ASCII characters.</param>
/// <param name="Offset">Byte offset of the lump data in the WAD.</param>
/// <param name="Size">Size of the lump data in bytes.</param>
public sealed record WadLump(string Name, int Offset, int Size);
