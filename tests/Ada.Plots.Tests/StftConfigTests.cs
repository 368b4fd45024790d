namespace Ada.Plots.Tests;

public class StftConfigTests
{
    [Test]
    public void SixteenKilohertzUsesA1024WindowWithA256Hop()
    {
        Assert.That(StftConfig.ForSignal(16000 * 5, 16000), Is.EqualTo(new StftConfig(1024, 256)));
    }

    [TestCase(44100, 2048)]
    [TestCase(8000, 512)]
    public void WindowIsAbout64Milliseconds(int rate, int expectedFft)
    {
        var config = StftConfig.ForSignal(rate * 5, rate);

        Assert.That(config.FftSize, Is.EqualTo(expectedFft));
        Assert.That(config.HopSize, Is.EqualTo(expectedFft / 4));
    }

    [Test]
    public void LongSignalsGetALongerHopSoFramesStayBounded()
    {
        int samples = 16000 * 600;
        var config = StftConfig.ForSignal(samples, 16000);

        Assert.That(config.FftSize, Is.EqualTo(1024));
        Assert.That(config.FrameCount(samples), Is.LessThanOrEqualTo(StftConfig.MaxFrames));
        Assert.That(config.FrameCount(samples), Is.GreaterThan(StftConfig.MaxFrames * 9 / 10));
    }

    [TestCase(800, 512)]
    [TestCase(5, 16)]
    public void ClipsShorterThanAWindowGetTheLargestFittingPowerOfTwo(int samples, int expectedFft)
    {
        Assert.That(StftConfig.ForSignal(samples, 16000).FftSize, Is.EqualTo(expectedFft));
    }
}
