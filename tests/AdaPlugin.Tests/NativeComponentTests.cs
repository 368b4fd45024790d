using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>Initialize, buses, arrangements and processing setup of the native plug-in.</summary>
[TestFixture]
public sealed unsafe class NativeComponentTests
{
    [Test]
    public void Initialize_AcceptsANullContext_AndRefusesASecondInitialize()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        Assert.That(plugin.Initialize(), Is.EqualTo(TResult.Ok));
        Assert.That(plugin.Initialize(), Is.EqualTo(TResult.False));
    }

    [Test]
    public void Initialize_WithAHostApplication_AsksForTheHostName()
    {
        using var host = new HostApplication("AdaPlugin.Tests host");
        using var plugin = new PluginInstance(NativePlugin.Silent);
        Assert.That(plugin.Initialize(host.Pointer), Is.EqualTo(TResult.Ok));
        Assert.That(host.NameRequests, Is.EqualTo(1));
        plugin.Dispose();
        Assert.That(host.Com.ReferenceCount, Is.EqualTo(1), "the plug-in released every reference it took on the host object");
    }

    [Test]
    public void Buses_AreMidiInStereoOutAndAnInactiveStereoPrimerSideChain()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Initialize();
        var c = plugin.Component;
        var v = c->Vtable;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(v->GetBusCount(c, MediaType.Event, BusDirection.Input), Is.EqualTo(1));
            Assert.That(v->GetBusCount(c, MediaType.Event, BusDirection.Output), Is.EqualTo(0));
            Assert.That(v->GetBusCount(c, MediaType.Audio, BusDirection.Output), Is.EqualTo(1));
            Assert.That(v->GetBusCount(c, MediaType.Audio, BusDirection.Input), Is.EqualTo(1));
            Assert.That(v->GetBusCount(c, (MediaType)7, BusDirection.Input), Is.EqualTo(0));
        }

        BusInfo output, primer, midi;
        Assert.That(v->GetBusInfo(c, MediaType.Audio, BusDirection.Output, 0, &output), Is.EqualTo(TResult.Ok));
        Assert.That(v->GetBusInfo(c, MediaType.Audio, BusDirection.Input, 0, &primer), Is.EqualTo(TResult.Ok));
        Assert.That(v->GetBusInfo(c, MediaType.Event, BusDirection.Input, 0, &midi), Is.EqualTo(TResult.Ok));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((output.ChannelCount, output.BusType, output.Flags), Is.EqualTo((2, BusType.Main, BusFlags.DefaultActive)));
            Assert.That(output.Direction, Is.EqualTo(BusDirection.Output));
            Assert.That((primer.ChannelCount, primer.BusType, primer.Flags), Is.EqualTo((2, BusType.Aux, BusFlags.None)));
            Assert.That(primer.Name.ToString(), Is.EqualTo("Primer"));
            Assert.That((midi.MediaType, midi.BusType, midi.Flags), Is.EqualTo((MediaType.Event, BusType.Main, BusFlags.DefaultActive)));
        }
        Assert.That(v->GetBusInfo(c, MediaType.Audio, BusDirection.Output, 1, &output), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(v->GetBusInfo(c, MediaType.Event, BusDirection.Output, 0, &output), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(v->GetBusInfo(c, MediaType.Audio, BusDirection.Output, 0, null), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(plugin.ActivateBus(MediaType.Audio, BusDirection.Input, 1, true), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(plugin.ActivateBus(MediaType.Audio, BusDirection.Input, 0, true), Is.EqualTo(TResult.Ok));
    }

    [Test]
    public void SetBusArrangements_AcceptsOnlyStereoInAndStereoOut()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Initialize();
        var p = plugin.Processor;
        ulong stereo = SpeakerArrangements.Stereo, empty = SpeakerArrangements.Empty, mono = 1UL << 19, surround = 0b111111;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p->Vtable->SetBusArrangements(p, &stereo, 1, &stereo, 1), Is.EqualTo(TResult.Ok));
            Assert.That(p->Vtable->SetBusArrangements(p, &mono, 1, &stereo, 1), Is.EqualTo(TResult.False));
            Assert.That(p->Vtable->SetBusArrangements(p, &stereo, 1, &surround, 1), Is.EqualTo(TResult.False));
            Assert.That(p->Vtable->SetBusArrangements(p, &empty, 1, &stereo, 1), Is.EqualTo(TResult.False));
            Assert.That(p->Vtable->SetBusArrangements(p, null, 0, &stereo, 1), Is.EqualTo(TResult.False));
            Assert.That(p->Vtable->SetBusArrangements(p, null, 1, &stereo, 1), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(p->Vtable->SetBusArrangements(p, &stereo, -1, &stereo, 1), Is.EqualTo(TResult.InvalidArgument));
        }
        ulong arrangement;
        Assert.That(p->Vtable->GetBusArrangement(p, BusDirection.Output, 0, &arrangement), Is.EqualTo(TResult.Ok));
        Assert.That(arrangement, Is.EqualTo(SpeakerArrangements.Stereo));
        Assert.That(p->Vtable->GetBusArrangement(p, BusDirection.Output, 1, &arrangement), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(p->Vtable->GetBusArrangement(p, BusDirection.Input, 0, null), Is.EqualTo(TResult.InvalidArgument));
    }

    [TestCase(44100, 1)]
    [TestCase(48000, 512)]
    [TestCase(96000, 4096)]
    public void SetupProcessing_AcceptsCommonRatesAndBlockSizes(double rate, int block)
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Initialize();
        Assert.That(plugin.Setup(rate, block, ProcessMode.Offline), Is.EqualTo(TResult.Ok));
        Assert.That(plugin.SetActive(true), Is.EqualTo(TResult.Ok));
        Assert.That(plugin.Processor->Vtable->GetLatencySamples(plugin.Processor), Is.EqualTo(0u), "silence adds no latency");
        Assert.That(plugin.Processor->Vtable->GetTailSamples(plugin.Processor), Is.EqualTo((uint)Math.Ceiling(rate * VoiceBank.ReleaseSeconds)));
        Assert.That(plugin.Setup(rate, block), Is.EqualTo(TResult.False), "setupProcessing while active is refused");
    }

    [TestCase(1234.5, 512, SymbolicSampleSize.Sample32)]
    [TestCase(48000, 0, SymbolicSampleSize.Sample32)]
    [TestCase(48000, 100_000, SymbolicSampleSize.Sample32)]
    [TestCase(double.NaN, 512, SymbolicSampleSize.Sample32)]
    public void SetupProcessing_RejectsUnsupportedSetups(double rate, int block, SymbolicSampleSize size)
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Initialize();
        var setup = new ProcessSetup { SampleRate = rate, MaxSamplesPerBlock = block, SymbolicSampleSize = size };
        Assert.That(plugin.Processor->Vtable->SetupProcessing(plugin.Processor, &setup), Is.EqualTo(TResult.InvalidArgument));
    }

    [Test]
    public void SixtyFourBitProcessing_IsRefused()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        var p = plugin.Processor;
        Assert.That(p->Vtable->CanProcessSampleSize(p, SymbolicSampleSize.Sample32), Is.EqualTo(TResult.Ok));
        Assert.That(p->Vtable->CanProcessSampleSize(p, SymbolicSampleSize.Sample64), Is.EqualTo(TResult.False));
        var setup = new ProcessSetup { SampleRate = 48000, MaxSamplesPerBlock = 512, SymbolicSampleSize = SymbolicSampleSize.Sample64 };
        Assert.That(p->Vtable->SetupProcessing(p, &setup), Is.EqualTo(TResult.False));
        Assert.That(p->Vtable->SetupProcessing(p, null), Is.EqualTo(TResult.InvalidArgument));
    }
}
