using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>The processor through its managed API, with host objects from the harness (in this process).</summary>
[TestFixture]
public sealed unsafe class ProcessorTests
{
    private const int Block = 256;

    private static AdaProcessor Start(AdaParameters parameters, ITakeSource source, bool primer = true)
    {
        var processor = new AdaProcessor(parameters, source);
        var setup = new ProcessSetup { SampleRate = 48000, MaxSamplesPerBlock = Block, SymbolicSampleSize = SymbolicSampleSize.Sample32 };
        Assert.That(processor.SetupProcessing(setup), Is.EqualTo(TResult.Ok));
        processor.Activate(primer);
        Assert.That(processor.SetProcessing(true), Is.EqualTo(TResult.Ok));
        return processor;
    }

    [Test]
    public void Process_InRealtimeMode_AllocatesNothing()
    {
        var parameters = new AdaParameters(["A", "B"]);
        var processor = Start(parameters, new TestToneTakeSource());
        using var buffers = new ProcessBuffers(Block);
        using var events = new HostEventList();
        using var input = new HostParameterChanges();
        using var output = new HostParameterChanges();

        void RunBlock(int i)
        {
            events.Clear();
            input.Clear();
            output.Clear();
            // 20 keys cycling through 16 voices: note-ons, note-offs, retriggers and steals, at varying offsets.
            events.NoteOn(i * 7 % Block, 40 + (i % 20), 0.8f);
            events.NoteOff((i * 13) % Block, 40 + ((i + 11) % 20));
            input.Set(AdaParameterId.OutputGain, (i % 10) / 10.0, i % Block);
            input.Set(AdaParameterId.PrimerCapture, i % 2);
            input.Set(AdaParameterId.Underruns, 0.5); // read-only: ignored
            buffers.Prepare(Block, (long)i * Block, events, input, output);
            if (processor.Process(ref *buffers.Data) != TResult.Ok)
            {
                throw new InvalidOperationException($"block {i} failed");
            }
        }

        for (var i = 0; i < 500; i++)
        {
            RunBlock(i);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 500; i < 5500; i++)
        {
            RunBlock(i);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.EqualTo(0), "bytes allocated by 5000 process calls");
        Assert.That(processor.ActiveVoices, Is.GreaterThan(0));
        Assert.That(processor.Primer!.CaptureCount, Is.GreaterThan(2000), "the capture trigger fired on every rising edge");
    }

    [Test]
    public void Process_ReportsTheSourcesStatus_AndMixesVelocityTimesGain()
    {
        var parameters = new AdaParameters([]);
        parameters.SetPlain(AdaParameterId.OutputGain, -6);
        var processor = Start(parameters, new ConstantTakeSource(1f), primer: false);
        using var buffers = new ProcessBuffers(Block);
        using var events = new HostEventList();
        events.NoteOn(0, 60, 0.5f);
        buffers.Prepare(Block, 0, events);
        Assert.That(processor.Process(ref *buffers.Data), Is.EqualTo(TResult.Ok));
        Assert.That(buffers.Left[Block - 1], Is.EqualTo(0.5f * (float)Math.Pow(10, -6.0 / 20)).Within(1e-6));
        Assert.That(parameters.GetPlain(AdaParameterId.ServiceConnected), Is.EqualTo(1));
        Assert.That(parameters.GetPlain(AdaParameterId.BufferDepth), Is.EqualTo(10).Within(1e-9), "480 frames at 48 kHz");
        Assert.That(parameters.GetPlain(AdaParameterId.Underruns), Is.EqualTo(3));
        Assert.That(parameters.GetPlain(AdaParameterId.ModelChanged), Is.EqualTo(1));
        Assert.That(processor.Primer, Is.Null, "no primer ring without the side-chain bus");
        Assert.That(buffers.Output->SilenceFlags, Is.EqualTo(0UL));
    }

    [Test]
    public void Process_WithNothingPlaying_FlagsTheOutputSilent()
    {
        var processor = Start(new AdaParameters([]), new SilentTakeSource());
        using var buffers = new ProcessBuffers(Block);
        buffers.Prepare(Block, 0);
        buffers.Left.Fill(1f);
        Assert.That(processor.Process(ref *buffers.Data), Is.EqualTo(TResult.Ok));
        Assert.That(buffers.Output->SilenceFlags, Is.EqualTo(0b11UL));
        Assert.That(buffers.Left[..Block].ToArray(), Has.All.EqualTo(0f), "the output is overwritten, not mixed into");
    }

    [Test]
    public void Deactivate_ThenProcess_IsNotInitialized()
    {
        var processor = Start(new AdaParameters([]), new SilentTakeSource());
        processor.Deactivate();
        using var buffers = new ProcessBuffers(Block);
        buffers.Prepare(Block, 0);
        Assert.That(processor.Process(ref *buffers.Data), Is.EqualTo(TResult.NotInitialized));
    }
}
