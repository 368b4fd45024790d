using System.Buffers.Binary;
using SkiaSharp;

namespace Ada.Plots.Tests;

/// <summary>Reads what the tests check in a PNG: signature, IHDR size and pixel statistics.</summary>
internal static class Png
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from the IHDR chunk, which the PNG spec requires to come first right after the signature.</summary>
    public static (int Width, int Height) Size(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.AsSpan(0, 8).ToArray(), Is.EqualTo(Signature), $"{path}: PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 12, 4), Is.EqualTo("IHDR"), $"{path}: first chunk");
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Number of distinct colours in the rows from <paramref name="top"/> to <paramref name="bottom"/> (fractions of the height).</summary>
    public static int DistinctColours(string path, double top = 0, double bottom = 1) => Pixels(path, top, bottom).Distinct().Count();

    /// <summary>Number of pixels darker than mid-grey in the rows from <paramref name="top"/> to <paramref name="bottom"/> (fractions of the height).</summary>
    public static int DarkPixels(string path, double top, double bottom) =>
        Pixels(path, top, bottom).Count(c => c.Red + c.Green + c.Blue < 3 * 128);

    static List<SKColor> Pixels(string path, double top, double bottom)
    {
        using var bitmap = SKBitmap.Decode(path);
        var pixels = new List<SKColor>();
        for (int y = (int)(top * bitmap.Height); y < (int)(bottom * bitmap.Height); y++)
            for (int x = 0; x < bitmap.Width; x++)
                pixels.Add(bitmap.GetPixel(x, y));
        return pixels;
    }
}
