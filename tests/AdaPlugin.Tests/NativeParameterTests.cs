using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>The parameters as a host sees them through IEditController of the native plug-in.</summary>
[TestFixture]
public sealed unsafe class NativeParameterTests
{
    private PluginInstance _plugin = null!;

    [SetUp]
    public void Create()
    {
        _plugin = new PluginInstance(NativePlugin.Silent);
        Assert.That(_plugin.Initialize(), Is.EqualTo(TResult.Ok));
    }

    [TearDown]
    public void Release() => _plugin.Dispose();

    private ParameterInfo Info(int index)
    {
        ParameterInfo info;
        Assert.That(_plugin.Controller->Vtable->GetParameterInfo(_plugin.Controller, index, &info), Is.EqualTo(TResult.Ok));
        return info;
    }

    [Test]
    public void ParameterInfos_HaveTheSpecifiedIdsNamesUnitsStepsAndFlags()
    {
        Assert.That(_plugin.Controller->Vtable->GetParameterCount(_plugin.Controller), Is.EqualTo(12));
        var expected = new (AdaParameterId Id, string Title, string Units, int Steps, ParameterFlags Flags)[]
        {
            (AdaParameterId.Preset, "Preset", "", 1, ParameterFlags.CanAutomate | ParameterFlags.IsList),
            (AdaParameterId.NoteMode, "Note mode", "", 1, ParameterFlags.CanAutomate | ParameterFlags.IsList),
            (AdaParameterId.RootKey, "Root key", "", 127, ParameterFlags.CanAutomate),
            (AdaParameterId.VariationOffset, "Variation offset", "", AdaParameters.MaxVariationOffset, ParameterFlags.CanAutomate),
            (AdaParameterId.Temperature, "Temperature", "", 0, ParameterFlags.CanAutomate),
            (AdaParameterId.OutputGain, "Output gain", "dB", 0, ParameterFlags.CanAutomate),
            (AdaParameterId.PrimerCapture, "Primer capture", "", 1, ParameterFlags.CanAutomate),
            (AdaParameterId.PrimerLength, "Primer length", "s", 0, ParameterFlags.CanAutomate),
            (AdaParameterId.ServiceConnected, "Service connected", "", 1, ParameterFlags.IsReadOnly),
            (AdaParameterId.BufferDepth, "Buffer depth", "ms", 0, ParameterFlags.IsReadOnly),
            (AdaParameterId.Underruns, "Underruns", "", AdaParameters.MaxUnderruns, ParameterFlags.IsReadOnly),
            (AdaParameterId.ModelChanged, "Model changed since the project was saved", "", 1, ParameterFlags.IsReadOnly),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var info = Info(i);
            var e = expected[i];
            Assert.That((info.Id, info.Title.ToString(), info.Units.ToString(), info.StepCount, info.Flags),
                Is.EqualTo(((uint)e.Id, e.Title, e.Units, e.Steps, e.Flags)), e.Title);
        }
        ParameterInfo none;
        Assert.That(_plugin.Controller->Vtable->GetParameterInfo(_plugin.Controller, 12, &none), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(_plugin.Controller->Vtable->GetParameterInfo(_plugin.Controller, -1, &none), Is.EqualTo(TResult.InvalidArgument));
        Assert.That(_plugin.Controller->Vtable->GetParameterInfo(_plugin.Controller, 0, null), Is.EqualTo(TResult.InvalidArgument));
    }

    [Test]
    public void PresetList_IsFilledAtInitializeFromThePresetsFolder()
    {
        // The harness writes two preset files (and a non-JSON file) into ADA_PRESETS.
        Assert.That(_plugin.ValueToString((uint)AdaParameterId.Preset, 0, out var first), Is.EqualTo(TResult.Ok));
        Assert.That(_plugin.ValueToString((uint)AdaParameterId.Preset, 1, out var second), Is.EqualTo(TResult.Ok));
        Assert.That(new[] { first, second }, Is.EqualTo(NativePlugin.PresetNames));
        Assert.That(_plugin.StringToValue((uint)AdaParameterId.Preset, "bright keys", out var normalized), Is.EqualTo(TResult.Ok));
        Assert.That(normalized, Is.EqualTo(1.0));
    }

    [Test]
    public void Defaults_AreTheDocumentedPlainValues()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_plugin.ToPlain(AdaParameterId.RootKey, _plugin.GetNormalized(AdaParameterId.RootKey)), Is.EqualTo(60));
            Assert.That(_plugin.ToPlain(AdaParameterId.Temperature, _plugin.GetNormalized(AdaParameterId.Temperature)), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(_plugin.ToPlain(AdaParameterId.OutputGain, _plugin.GetNormalized(AdaParameterId.OutputGain)), Is.EqualTo(0.0).Within(1e-12));
            Assert.That(_plugin.ToPlain(AdaParameterId.NoteMode, _plugin.GetNormalized(AdaParameterId.NoteMode)), Is.EqualTo((double)NoteMode.Variation));
        }
    }

    [TestCase(AdaParameterId.OutputGain, 0.75, -6.0)]
    [TestCase(AdaParameterId.OutputGain, 0.0, -60.0)]
    [TestCase(AdaParameterId.Temperature, 1.0, 2.0)]
    [TestCase(AdaParameterId.Temperature, 0.5, 1.05)]
    [TestCase(AdaParameterId.RootKey, 69.0 / 127, 69.0)]
    [TestCase(AdaParameterId.RootKey, 0.5, 64.0)]
    [TestCase(AdaParameterId.PrimerLength, 0.0, 1.0)]
    [TestCase(AdaParameterId.VariationOffset, 1.0, 1023.0)]
    public void NormalizedAndPlain_ConvertBothWays(AdaParameterId id, double normalized, double plain)
    {
        Assert.That(_plugin.ToPlain(id, normalized), Is.EqualTo(plain).Within(1e-9));
        if (id is not AdaParameterId.RootKey || plain == 69.0)
        {
            Assert.That(_plugin.ToNormalized(id, plain), Is.EqualTo(normalized).Within(1e-9));
        }
    }

    [TestCase(AdaParameterId.OutputGain, 0.75, "-6.0")]
    [TestCase(AdaParameterId.Temperature, 0.5, "1.05")]
    [TestCase(AdaParameterId.RootKey, 60.0 / 127, "C3")]
    [TestCase(AdaParameterId.RootKey, 70.0 / 127, "A#3")]
    [TestCase(AdaParameterId.NoteMode, 1.0, "Pitch")]
    [TestCase(AdaParameterId.ServiceConnected, 0.0, "No")]
    [TestCase(AdaParameterId.ModelChanged, 1.0, "Yes")]
    [TestCase(AdaParameterId.PrimerLength, 0.0, "1.0")]
    public void ValueToString_ShowsPlainValuesAndLabels(AdaParameterId id, double normalized, string text)
    {
        Assert.That(_plugin.ValueToString((uint)id, normalized, out var shown), Is.EqualTo(TResult.Ok));
        Assert.That(shown, Is.EqualTo(text));
    }

    [TestCase(AdaParameterId.OutputGain, "-6 dB", 0.75)]
    [TestCase(AdaParameterId.OutputGain, " -6.0 ", 0.75)]
    [TestCase(AdaParameterId.RootKey, "A3", 69.0 / 127)]
    [TestCase(AdaParameterId.RootKey, "c#-2", 1.0 / 127)]
    [TestCase(AdaParameterId.RootKey, "69", 69.0 / 127)]
    [TestCase(AdaParameterId.NoteMode, "variation", 0.0)]
    [TestCase(AdaParameterId.OutputGain, "+99", 1.0)]
    public void StringToValue_ParsesNumbersUnitsNoteNamesAndLabels(AdaParameterId id, string text, double normalized)
    {
        Assert.That(_plugin.StringToValue((uint)id, text, out var value), Is.EqualTo(TResult.Ok));
        Assert.That(value, Is.EqualTo(normalized).Within(1e-9));
    }

    [TestCase(AdaParameterId.OutputGain, "loud")]
    [TestCase(AdaParameterId.NoteMode, "Sideways")]
    [TestCase(AdaParameterId.Temperature, "NaN")]
    [TestCase(AdaParameterId.RootKey, "H3")]
    public void StringToValue_RefusesGarbage(AdaParameterId id, string text) =>
        Assert.That(_plugin.StringToValue((uint)id, text, out _), Is.EqualTo(TResult.False));

    [Test]
    public void OutOfRangeIdsAndValues_ReturnErrorCodes()
    {
        var c = _plugin.Controller;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_plugin.SetNormalized(99, 0.5), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.SetNormalized((uint)AdaParameterId.OutputGain, 1.5), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.SetNormalized((uint)AdaParameterId.OutputGain, -0.1), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.SetNormalized((uint)AdaParameterId.OutputGain, double.NaN), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.ValueToString(99, 0.5, out _), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.ValueToString((uint)AdaParameterId.OutputGain, 2, out _), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(_plugin.StringToValue(uint.MaxValue, "1", out _), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(c->Vtable->GetParamStringByValue(c, 0, 0, null), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(c->Vtable->GetParamValueByString(c, 0, null, null), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(c->Vtable->GetParamNormalized(c, 99), Is.EqualTo(0.0));
            Assert.That(c->Vtable->NormalizedParamToPlain(c, 99, 0.5), Is.EqualTo(0.0));
        }
        Assert.That(_plugin.GetNormalized(AdaParameterId.OutputGain), Is.EqualTo(60.0 / 72).Within(1e-12), "rejected calls changed nothing");
    }

    [Test]
    public void SetParamNormalized_SnapsSteppedParameters()
    {
        Assert.That(_plugin.SetNormalized((uint)AdaParameterId.RootKey, 0.5), Is.EqualTo(TResult.Ok));
        Assert.That(_plugin.GetNormalized(AdaParameterId.RootKey), Is.EqualTo(64.0 / 127).Within(1e-12));
    }
}
