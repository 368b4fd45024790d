namespace AdaPlugin.Tests;

/// <summary>The side-chain ring and its captures.</summary>
[TestFixture]
public sealed class PrimerRecorderTests
{
    private static float[] Ramp(int start, int count) => Enumerable.Range(start, count).Select(i => (float)i).ToArray();

    [Test]
    public void Capture_CopiesTheLastFramesWritten_AcrossTheRingsWrapAround()
    {
        var recorder = new PrimerRecorder(1000);
        for (var start = 0; start < 2500; start += 100)
        {
            recorder.Write(Ramp(start, 100), Ramp(-start - 100, 100));
        }
        recorder.RequestCapture(300);
        var left = new float[300];
        var right = new float[300];
        Assert.That(recorder.TryCopyCapture(left, right, out var frames), Is.True);
        Assert.That(frames, Is.EqualTo(300));
        Assert.That(left, Is.EqualTo(Ramp(2200, 300)));
        Assert.That(right[0], Is.EqualTo(-2300f), "frame 2200 opens the block whose right channel was written as -2300, -2299, ...");
        Assert.That(recorder.CaptureCount, Is.EqualTo(1));
    }

    [Test]
    public void Capture_IsShortenedToWhatWasRecorded()
    {
        var recorder = new PrimerRecorder(1000);
        recorder.Write(Ramp(0, 50), Ramp(0, 50));
        recorder.RequestCapture(300);
        var left = new float[300];
        Assert.That(recorder.TryCopyCapture(left, new float[300], out var frames), Is.True);
        Assert.That(frames, Is.EqualTo(50));
        Assert.That(left[..50], Is.EqualTo(Ramp(0, 50)));
    }

    [Test]
    public void Capture_OverwrittenBeforeItWasCopied_IsLost_AndNoCaptureMeansNothing()
    {
        var recorder = new PrimerRecorder(1000);
        Assert.That(recorder.TryCopyCapture(new float[10], new float[10], out _), Is.False, "no capture yet");
        recorder.Write(Ramp(0, 500), Ramp(0, 500));
        recorder.RequestCapture(400);
        recorder.Write(Ramp(500, 700), Ramp(500, 700));
        Assert.That(recorder.TryCopyCapture(new float[400], new float[400], out var frames), Is.False);
        Assert.That(frames, Is.EqualTo(0));
    }
}
