using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class MuLawTests
{
    [Test]
    public void DecodeGivesBinCentresOfTheMuLawFormula()
    {
        var classes = arange(256, dtype: ScalarType.Int64);
        var decoded = Tiny.Floats(MuLaw.Decode(classes));
        for (var c = 0; c < 256; c++)
        {
            var y = 2.0 * c / 255 - 1;
            var x = Math.Sign(y) * (Math.Pow(256, Math.Abs(y)) - 1) / 255;
            Assert.That(decoded[c], Is.EqualTo(x).Within(1e-6), $"class {c}");
        }
        Assert.That(decoded[0], Is.EqualTo(-1f).Within(1e-6));
        Assert.That(decoded[255], Is.EqualTo(1f).Within(1e-6));
    }

    [Test]
    public void EncodeInvertsDecodeForEveryClass()
    {
        var classes = arange(256, dtype: ScalarType.Int64);
        Assert.That(Tiny.Longs(MuLaw.Encode(MuLaw.Decode(classes))), Is.EqualTo(Tiny.Longs(classes)));
    }
}
