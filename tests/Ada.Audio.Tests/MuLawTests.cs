namespace Ada.Audio.Tests;

/// <summary>8-bit mu-law with the WaveNet class mapping.</summary>
public class MuLawTests
{
    [Test]
    public void EncodingADecodedClassGivesTheClassBack()
    {
        for (int c = 0; c < MuLaw.Classes; c++)
            Assert.That(MuLaw.Encode(MuLaw.Decode((byte)c)), Is.EqualTo(c), $"class {c}");
    }

    [Test]
    public void SilenceAndFullScaleMapToTheMiddleAndEndClasses()
    {
        Assert.That(MuLaw.Encode(0f), Is.EqualTo(128));
        Assert.That(MuLaw.Encode(-0f), Is.EqualTo(128));
        Assert.That(MuLaw.Silence, Is.EqualTo(128));
        Assert.That(MuLaw.Encode(1f), Is.EqualTo(255));
        Assert.That(MuLaw.Encode(-1f), Is.EqualTo(0));
        Assert.That(MuLaw.Decode(255), Is.EqualTo(1f).Within(1e-6));
        Assert.That(MuLaw.Decode(0), Is.EqualTo(-1f).Within(1e-6));
    }

    // Worked by hand from class = floor((F(x) + 1) / 2 · 255 + 0.5), F(x) = sign(x) ln(1 + 255|x|) / ln 256,
    // e.g. F(0.5) = ln 128.5 / ln 256 = 0.87570 → floor(239.65) = 239.
    [TestCase(0.5f, 239)]
    [TestCase(-0.5f, 16)]
    [TestCase(0.1f, 203)]
    [TestCase(0.01f, 157)]
    [TestCase(-0.01f, 98)]
    [TestCase(1e-4f, 128)]
    public void MatchesTheWaveNetFormula(float x, int expected) => Assert.That(MuLaw.Encode(x), Is.EqualTo(expected));

    [Test]
    public void BinCentreOfTheSilenceClassIsTheInverseAtOneStepAboveZero()
    {
        // y = 2·128/255 − 1 = 1/255; x = (256^(1/255) − 1) / 255 ≈ 8.62e-5.
        Assert.That(MuLaw.Decode(128), Is.EqualTo((Math.Pow(256, 1.0 / 255) - 1) / 255).Within(1e-9));
    }

    [Test]
    public void ValuesBeyondFullScaleClipAndNaNIsSilence()
    {
        Assert.That(MuLaw.Encode(1.5f), Is.EqualTo(255));
        Assert.That(MuLaw.Encode(float.PositiveInfinity), Is.EqualTo(255));
        Assert.That(MuLaw.Encode(-7f), Is.EqualTo(0));
        Assert.That(MuLaw.Encode(float.NegativeInfinity), Is.EqualTo(0));
        Assert.That(MuLaw.Encode(float.NaN), Is.EqualTo(128));
    }

    [Test]
    public void EncodeIsMonotonicAndDecodeStrictlyIncreasing()
    {
        int previous = 0;
        for (int i = -20000; i <= 20000; i++)
        {
            int c = MuLaw.Encode(i / 20000f);
            Assert.That(c, Is.GreaterThanOrEqualTo(previous), $"x = {i / 20000f}");
            previous = c;
        }
        for (int c = 1; c < MuLaw.Classes; c++)
            Assert.That(MuLaw.Decode((byte)c), Is.GreaterThan(MuLaw.Decode((byte)(c - 1))));
    }

    [Test]
    public void RoundTripErrorIsWithinHalfTheLocalQuantisationStep()
    {
        // Bins widen away from zero (F⁻¹ is convex for x > 0), so half the wider neighbouring step bounds the error of an
        // inner class; the end classes 0 and 255 sit at ±1 with a one-sided bin, bounded by their single step.
        for (int i = -100000; i <= 100000; i++)
        {
            float x = i / 100000f;
            int c = MuLaw.Encode(x);
            double up = c < 255 ? MuLaw.Decode((byte)(c + 1)) - MuLaw.Decode((byte)c) : 0;
            double down = c > 0 ? MuLaw.Decode((byte)c) - MuLaw.Decode((byte)(c - 1)) : 0;
            double bound = Math.Max(up, down) * (c is 0 or 255 ? 1 : 0.5) * (1 + 1e-5);
            Assert.That(Math.Abs(MuLaw.Decode((byte)c) - x), Is.LessThanOrEqualTo(bound), $"x = {x}, class {c}");
        }
    }

    [Test]
    public void SpanVersionsMatchTheScalarOnes()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 1000).Select(_ => (float)(random.NextDouble() * 2.4 - 1.2)).ToArray();
        var classes = new byte[x.Length];
        MuLaw.Encode(x, classes);
        Assert.That(classes, Is.EqualTo(x.Select(MuLaw.Encode).ToArray()));

        var decoded = new float[x.Length];
        MuLaw.Decode(classes, decoded);
        Assert.That(decoded, Is.EqualTo(classes.Select(MuLaw.Decode).ToArray()));
    }

    [Test]
    public void SpanVersionsRejectShortDestinations()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new float[3], new byte[2]));
        Assert.Throws<ArgumentException>(() => MuLaw.Decode(new byte[3], new float[2]));
    }
}
