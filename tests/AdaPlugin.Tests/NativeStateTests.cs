using System.Buffers.Binary;
using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>getState/setState of the native plug-in through an IBStream implemented by the harness.</summary>
[TestFixture]
public sealed unsafe class NativeStateTests
{
    [Test]
    public void State_RoundTripsEveryParameterAndThePresetByName()
    {
        byte[] saved;
        using (var source = new PluginInstance(NativePlugin.Silent))
        {
            source.Initialize();
            source.SetNormalized((uint)AdaParameterId.Preset, 1.0);
            source.SetNormalized((uint)AdaParameterId.NoteMode, 1.0);
            source.SetNormalized((uint)AdaParameterId.RootKey, 48.0 / 127);
            source.SetNormalized((uint)AdaParameterId.VariationOffset, 7.0 / 1023);
            source.SetNormalized((uint)AdaParameterId.Temperature, 0.25);
            source.SetNormalized((uint)AdaParameterId.OutputGain, 0.75);
            source.SetNormalized((uint)AdaParameterId.PrimerLength, 0.5);
            Assert.That(source.GetState(out saved), Is.EqualTo(TResult.Ok));
        }
        Assert.That(AdaStateSerializer.TryParse(saved, out var blob, out var problem), Is.True, problem);
        Assert.That(blob.PresetName, Is.EqualTo("Bright Keys"));

        using var target = new PluginInstance(NativePlugin.Silent);
        target.Initialize();
        Assert.That(target.SetState(saved), Is.EqualTo(TResult.Ok));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.GetNormalized(AdaParameterId.Preset), Is.EqualTo(1.0));
            Assert.That(target.GetNormalized(AdaParameterId.NoteMode), Is.EqualTo(1.0));
            Assert.That(target.GetNormalized(AdaParameterId.RootKey), Is.EqualTo(48.0 / 127).Within(1e-12));
            Assert.That(target.GetNormalized(AdaParameterId.VariationOffset), Is.EqualTo(7.0 / 1023).Within(1e-12));
            Assert.That(target.GetNormalized(AdaParameterId.Temperature), Is.EqualTo(0.25).Within(1e-12));
            Assert.That(target.GetNormalized(AdaParameterId.OutputGain), Is.EqualTo(0.75).Within(1e-12));
            Assert.That(target.GetNormalized(AdaParameterId.PrimerLength), Is.EqualTo(0.5).Within(1e-12));
        }
        Assert.That(target.GetState(out var again), Is.EqualTo(TResult.Ok));
        Assert.That(again, Is.EqualTo(saved), "saving the restored state gives the same bytes");
    }

    [Test]
    public void SetState_ReadsOnlyItsOwnBytes_WhenTheHostsStreamContinues()
    {
        using var source = new PluginInstance(NativePlugin.Silent);
        source.Initialize();
        source.SetNormalized((uint)AdaParameterId.VariationOffset, 9.0 / 1023);
        source.GetState(out var saved);
        // Ardour passes the whole project chunk, positioned at the component state; its chunk list follows.
        var withTrailer = saved.Concat("ListCont and more host data"u8.ToArray()).ToArray();
        using var stream = new HostStream(withTrailer);
        using var target = new PluginInstance(NativePlugin.Silent);
        target.Initialize();
        Assert.That(target.Component->Vtable->SetState(target.Component, stream.Stream), Is.EqualTo(TResult.Ok));
        Assert.That(stream.Position, Is.EqualTo(saved.Length));
        Assert.That(target.GetNormalized(AdaParameterId.VariationOffset), Is.EqualTo(9.0 / 1023).Within(1e-12));
    }

    private static IEnumerable<TestCaseData> CorruptStates()
    {
        var valid = AdaStateSerializer.Write(new AdaState("Bright Keys", 5, "abc", new Dictionary<uint, double> { [5] = -6.0 }));
        yield return new TestCaseData(Array.Empty<byte>()).SetName("empty stream");
        yield return new TestCaseData(valid[..7]).SetName("shorter than the header");
        yield return new TestCaseData(valid[..^3]).SetName("truncated");
        yield return new TestCaseData(Modified(valid, b => b[0] = (byte)'X')).SetName("bad magic");
        yield return new TestCaseData(Modified(valid, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), 99))).SetName("unknown version");
        yield return new TestCaseData(Modified(valid, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), uint.MaxValue))).SetName("absurd length");
        yield return new TestCaseData(Modified(valid, b => b[20] ^= 0x40)).SetName("flipped payload bit");
        yield return new TestCaseData(Enumerable.Range(0, 500).Select(i => (byte)(i * 37)).ToArray()).SetName("random bytes");
    }

    [TestCaseSource(nameof(CorruptStates))]
    public void SetState_WithACorruptBlob_FallsBackToDefaultsWithoutCrashing(byte[] blob)
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Initialize();
        plugin.SetNormalized((uint)AdaParameterId.OutputGain, 0.1);
        plugin.SetNormalized((uint)AdaParameterId.Preset, 1.0);
        Assert.That(plugin.SetState(blob), Is.EqualTo(TResult.False));
        Assert.That(plugin.GetNormalized(AdaParameterId.OutputGain), Is.EqualTo(60.0 / 72).Within(1e-12), "gain back to 0 dB");
        Assert.That(plugin.GetNormalized(AdaParameterId.Preset), Is.EqualTo(0.0), "first preset");
        Assert.That(plugin.GetState(out var after), Is.EqualTo(TResult.Ok), "still able to save");
        Assert.That(AdaStateSerializer.TryParse(after, out _, out var problem), Is.True, problem);
    }

    [Test]
    public void StateCalls_WithNullStreams_AreInvalidArguments()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        var c = plugin.Component;
        var e = plugin.Controller;
        Assert.That(c->Vtable->GetState(c, null), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(c->Vtable->SetState(c, null), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(e->Vtable->SetComponentState(e, null), Is.EqualTo(TResult.InvalidArgument));
    }

    private static byte[] Modified(byte[] source, Action<byte[]> change)
    {
        var copy = source.ToArray();
        change(copy);
        return copy;
    }
}
