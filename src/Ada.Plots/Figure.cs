using ScottPlot;
using SkiaSharp;

namespace Ada.Plots;

/// <summary>Creates plots in the house style and saves one or more of them, stacked, as one PNG written atomically (temporary file, then rename).</summary>
internal static class Figure
{
    const int MinSide = 64;
    const int MaxSide = 16384;

    // ScottPlot's default is whatever font Skia lists first (DejaVu Serif on Debian); a sans face reads better when one exists.
    static readonly string[] PreferredSans = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica"];
    static readonly Lazy<string?> SansFont = new(() =>
    {
        var installed = new HashSet<string>(SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return PreferredSans.FirstOrDefault(installed.Contains);
    });

    /// <summary>A new plot using a sans-serif font when one is installed (otherwise ScottPlot's fallback).</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (SansFont.Value is { } font)
            plot.Font.Set(font);
        return plot;
    }

    /// <summary>Renders each plot into its own pixel area of a white <paramref name="width"/> × <paramref name="height"/> image and writes it to <paramref name="path"/>, creating its folder.</summary>
    public static void Save(string path, int width, int height, params (Plot Plot, SKRectI Area)[] panels)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckSide(width, nameof(width));
        CheckSide(height, nameof(height));
        using var surface = NewSurface(path, width, height);
        surface.Canvas.Clear(SKColors.White);
        foreach (var (plot, area) in panels)
        {
            // ScottPlot clears the whole canvas it renders on, so each panel gets a surface of its own.
            using var panel = NewSurface(path, area.Width, area.Height);
            plot.Render(panel.Canvas, area.Width, area.Height);
            using var image = panel.Snapshot();
            surface.Canvas.DrawImage(image, area.Left, area.Top);
        }
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"{path}: PNG encoding failed");
        WriteAtomic(path, png.AsSpan());
    }

    static SKSurface NewSurface(string path, int width, int height) =>
        SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"{path}: could not allocate a {width}x{height} drawing surface");

    static void WriteAtomic(string path, ReadOnlySpan<byte> bytes)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = $"{full}.tmp-{Random.Shared.Next():x8}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    static void CheckSide(int pixels, string name)
    {
        if (pixels < MinSide || pixels > MaxSide)
            throw new ArgumentOutOfRangeException(name, pixels, $"image {name} must be between {MinSide} and {MaxSide} pixels");
    }
}
