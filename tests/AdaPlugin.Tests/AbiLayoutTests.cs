using Ada.Vst3.Interop;

namespace AdaPlugin.Tests;

/// <summary>
/// The structs and ids of Ada.Vst3 against the C++ headers. The expected numbers were measured once by compiling a
/// sizeof/offsetof/iid dump with clang++ 14 (linux-x64) against steinbergmedia/vst3_pluginterfaces at commit
/// dd77488d3dc329c484b5dfb47af9383356e4c0cc — not taken from this binding.
/// </summary>
[TestFixture]
public sealed unsafe class AbiLayoutTests
{
    private static int Offset<T>(T* s, void* field) where T : unmanaged => (int)((byte*)field - (byte*)s);

    [Test]
    public void StructSizes_MatchTheHeaders()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(PFactoryInfo), Is.EqualTo(452));
            Assert.That(sizeof(PClassInfo), Is.EqualTo(116));
            Assert.That(sizeof(PClassInfo2), Is.EqualTo(440));
            Assert.That(sizeof(PClassInfoW), Is.EqualTo(696));
            Assert.That(sizeof(ProcessSetup), Is.EqualTo(24));
            Assert.That(sizeof(AudioBusBuffers), Is.EqualTo(24));
            Assert.That(sizeof(ProcessData), Is.EqualTo(80));
            Assert.That(sizeof(ProcessContext), Is.EqualTo(112));
            Assert.That(sizeof(Event), Is.EqualTo(48));
            Assert.That(sizeof(NoteOnEvent), Is.EqualTo(20));
            Assert.That(sizeof(NoteOffEvent), Is.EqualTo(16));
            Assert.That(sizeof(ParameterInfo), Is.EqualTo(792));
            Assert.That(sizeof(BusInfo), Is.EqualTo(276));
            Assert.That(sizeof(RoutingInfo), Is.EqualTo(12));
            Assert.That(sizeof(String128), Is.EqualTo(256));
            Assert.That(sizeof(Tuid), Is.EqualTo(16));
        }
    }

    [Test]
    public void FieldOffsets_MatchTheHeaders()
    {
        PFactoryInfo f;
        PClassInfo2 c2;
        PClassInfoW cw;
        ProcessSetup ps;
        AudioBusBuffers ab;
        ProcessData pd;
        ProcessContext pc;
        Event ev;
        NoteOnEvent on;
        NoteOffEvent off;
        ParameterInfo pi;
        BusInfo bi;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Offset(&f, f.Url), Is.EqualTo(64));
            Assert.That(Offset(&f, f.Email), Is.EqualTo(320));
            Assert.That(Offset(&f, &f.Flags), Is.EqualTo(448));
            Assert.That(Offset(&c2, &c2.ClassFlags), Is.EqualTo(116));
            Assert.That(Offset(&c2, c2.SubCategories), Is.EqualTo(120));
            Assert.That(Offset(&c2, c2.SdkVersion), Is.EqualTo(376));
            Assert.That(Offset(&cw, cw.Name), Is.EqualTo(52));
            Assert.That(Offset(&cw, &cw.ClassFlags), Is.EqualTo(180));
            Assert.That(Offset(&cw, cw.Vendor), Is.EqualTo(312));
            Assert.That(Offset(&cw, cw.SdkVersion), Is.EqualTo(568));
            Assert.That(Offset(&ps, &ps.SampleRate), Is.EqualTo(16));
            Assert.That(Offset(&ab, &ab.SilenceFlags), Is.EqualTo(8));
            Assert.That(Offset(&ab, &ab.ChannelBuffers32), Is.EqualTo(16));
            Assert.That(Offset(&pd, &pd.Inputs), Is.EqualTo(24));
            Assert.That(Offset(&pd, &pd.InputParameterChanges), Is.EqualTo(40));
            Assert.That(Offset(&pd, &pd.InputEvents), Is.EqualTo(56));
            Assert.That(Offset(&pd, &pd.ProcessContext), Is.EqualTo(72));
            Assert.That(Offset(&pc, &pc.ProjectTimeSamples), Is.EqualTo(16));
            Assert.That(Offset(&pc, &pc.Tempo), Is.EqualTo(72));
            Assert.That(Offset(&pc, &pc.ChordKeyNote), Is.EqualTo(88));
            Assert.That(Offset(&pc, &pc.SmpteOffsetSubframes), Is.EqualTo(92));
            Assert.That(Offset(&pc, &pc.FrameRateFramesPerSecond), Is.EqualTo(96));
            Assert.That(Offset(&pc, &pc.SamplesToNextClock), Is.EqualTo(104));
            Assert.That(Offset(&ev, &ev.PpqPosition), Is.EqualTo(8));
            Assert.That(Offset(&ev, &ev.Type), Is.EqualTo(18));
            Assert.That(Offset(&ev, &ev.NoteOn), Is.EqualTo(24));
            Assert.That(Offset(&on, &on.Velocity), Is.EqualTo(8));
            Assert.That(Offset(&on, &on.NoteId), Is.EqualTo(16));
            Assert.That(Offset(&off, &off.NoteId), Is.EqualTo(8));
            Assert.That(Offset(&off, &off.Tuning), Is.EqualTo(12));
            Assert.That(Offset(&pi, &pi.ShortTitle), Is.EqualTo(260));
            Assert.That(Offset(&pi, &pi.StepCount), Is.EqualTo(772));
            Assert.That(Offset(&pi, &pi.DefaultNormalizedValue), Is.EqualTo(776));
            Assert.That(Offset(&pi, &pi.Flags), Is.EqualTo(788));
            Assert.That(Offset(&bi, &bi.Name), Is.EqualTo(12));
            Assert.That(Offset(&bi, &bi.BusType), Is.EqualTo(268));
            Assert.That(Offset(&bi, &bi.Flags), Is.EqualTo(272));
        }
    }

    [Test]
    public void VtableSlotCounts_MatchTheInterfaces()
    {
        // Slots = FUnknown (3) + each base's and the interface's own virtual methods, in declaration order.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(IPluginFactory.Vtbl) / sizeof(nint), Is.EqualTo(3 + 4 + 1 + 2));
            Assert.That(sizeof(IComponent.Vtbl) / sizeof(nint), Is.EqualTo(3 + 2 + 9));
            Assert.That(sizeof(IAudioProcessor.Vtbl) / sizeof(nint), Is.EqualTo(3 + 8));
            Assert.That(sizeof(IEditController.Vtbl) / sizeof(nint), Is.EqualTo(3 + 2 + 13));
            Assert.That(sizeof(IBStream.Vtbl) / sizeof(nint), Is.EqualTo(3 + 4));
            Assert.That(sizeof(IEventList.Vtbl) / sizeof(nint), Is.EqualTo(3 + 3));
            Assert.That(sizeof(IParameterChanges.Vtbl) / sizeof(nint), Is.EqualTo(3 + 3));
            Assert.That(sizeof(IParamValueQueue.Vtbl) / sizeof(nint), Is.EqualTo(3 + 4));
            Assert.That(sizeof(IHostApplication.Vtbl) / sizeof(nint), Is.EqualTo(3 + 2));
        }
    }

    [TestCase("FUnknown", "0000000000000000C000000000000046")]
    [TestCase("IPluginBase", "22888DDB156E45AE8358B34808190625")]
    [TestCase("IPluginFactory", "7A4D811C52114A1FAED9D2EE0B43BF9F")]
    [TestCase("IPluginFactory2", "0007B650F24B4C0BA464EDB9F00B2ABB")]
    [TestCase("IPluginFactory3", "4555A2ABC1234E579B12291036878931")]
    [TestCase("IComponent", "E831FF31F2D54301928EBBEE25697802")]
    [TestCase("IAudioProcessor", "42043F99B7DA453CA569E79D9AAEC33D")]
    [TestCase("IEditController", "DCD7BBE37742448DA874AACC979C759E")]
    [TestCase("IBStream", "C3BF6EA2309947529B6BF9901EE33E9B")]
    [TestCase("IEventList", "3A2C4214346349FEB2C4F397B9695A44")]
    [TestCase("IParameterChanges", "A47796630BB64A56B44384A8466FEB9D")]
    [TestCase("IParamValueQueue", "01263A18ED074F6F98C9D3564686F9BA")]
    [TestCase("IHostApplication", "58E595CCDB2D49698B6AAF8C36A664E5")]
    [TestCase("IProcessContextRequirements", "2A654303EF764E3D95B5FE83730EF6D0")]
    public void InterfaceIds_HaveTheLinuxByteOrder(string name, string bytes)
    {
        var ids = new Dictionary<string, Tuid>
        {
            ["FUnknown"] = FUnknown.Iid, ["IPluginBase"] = IPluginBase.Iid, ["IPluginFactory"] = IPluginFactory.Iid,
            ["IPluginFactory2"] = IPluginFactory.Iid2, ["IPluginFactory3"] = IPluginFactory.Iid3, ["IComponent"] = IComponent.Iid,
            ["IAudioProcessor"] = IAudioProcessor.Iid, ["IEditController"] = IEditController.Iid, ["IBStream"] = IBStream.Iid,
            ["IEventList"] = IEventList.Iid, ["IParameterChanges"] = IParameterChanges.Iid, ["IParamValueQueue"] = IParamValueQueue.Iid,
            ["IHostApplication"] = IHostApplication.Iid, ["IProcessContextRequirements"] = IProcessContextRequirements.Iid,
        };
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Windows uses the COM (GUID) byte order");
        Assert.That(ids[name].ToString(), Is.EqualTo(bytes));
    }
}
