namespace Ada.Data.Tests;

public class SilenceTrimmerTests
{
    [Test]
    public void Range_runs_from_first_to_last_sample_above_threshold()
    {
        var x = new short[100];
        x[10] = 20;  // below threshold: still silence
        x[17] = -40;
        x[60] = 34;
        x[80] = 33;  // equal to threshold: silence

        Assert.That(SilenceTrimmer.AudibleRange(x), Is.EqualTo((17, 61)));
    }

    [Test]
    public void Full_scale_negative_counts_as_loud()
    {
        var x = new short[5];
        x[2] = short.MinValue;

        Assert.That(SilenceTrimmer.AudibleRange(x), Is.EqualTo((2, 3)));
    }

    [Test]
    public void All_silent_gives_an_empty_range()
    {
        Assert.That(SilenceTrimmer.AudibleRange(new short[50]), Is.EqualTo((0, 0)));
    }
}
