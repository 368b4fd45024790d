using System.Buffers.Binary;
using Ada.Audio;

namespace Ada.Cli.Tests;

/// <summary>`ada plot`: the PNG has the asked size; impossible sizes are refused with one clear line.</summary>
[TestFixture]
[NonParallelizable] // the CLI writes to the console
public sealed class PlotCommandTests
{
    [Test]
    public void WidthAndHeight_SetThePngSize_AndBadSizesAreRefused()
    {
        var dir = Directory.CreateTempSubdirectory("ada-plot-").FullName;
        try
        {
            var wav = Path.Combine(dir, "tone.wav");
            var tone = Enumerable.Range(0, 16_000).Select(i => 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / 16_000)).ToArray();
            WavWriter.Write(wav, new AudioBuffer(tone, 16_000, 1), WavEncoding.Float32);
            var png = Path.Combine(dir, "small.png");

            var (code, output) = RenderCommandTests.Run("plot", wav, "--out", png, "--width", "320", "--height", "200");
            Assert.That(code, Is.Zero, output);
            var header = File.ReadAllBytes(png).AsSpan(16, 8);
            Assert.That((BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..])), Is.EqualTo((320, 200)));

            (code, output) = RenderCommandTests.Run("plot", wav, "--out", png, "--width", "50");
            Assert.That(code, Is.Not.Zero);
            Assert.That(output, Does.Contain("plot size 50×800 is outside"));

            (code, output) = RenderCommandTests.Run("plot", "missing-take.wav");
            Assert.That(code, Is.Not.Zero);
            Assert.That(output, Does.Contain("error: missing-take.wav: file not found"), "a missing file is named as typed, not looked up in the cache");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
