using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>The NativeAOT AdaPlugin.so's exports and factory, called through function pointers like a host.</summary>
[TestFixture]
public sealed unsafe class NativeFactoryTests
{
    [Test]
    public void Library_ExportsTheVst3EntryPoints()
    {
        var plugin = NativePlugin.Silent;
        foreach (var name in new[] { "GetPluginFactory", "ModuleEntry", "ModuleExit", "InitDll", "ExitDll" })
        {
            Assert.That(plugin.Export(name), Is.Not.EqualTo(nint.Zero), name);
        }
        var entry = (delegate* unmanaged<void*, byte>)plugin.Export("ModuleEntry");
        Assert.That(entry(null), Is.EqualTo(1));
    }

    [Test]
    public void Factory_AnswersAllThreeFactoryInterfaces()
    {
        var factory = NativePlugin.Silent.GetFactory();
        try
        {
            foreach (var iid in new[] { IPluginFactory.Iid, IPluginFactory.Iid2, IPluginFactory.Iid3, FUnknown.Iid })
            {
                var queried = FUnknown.Query(factory, iid);
                Assert.That((nint)queried, Is.EqualTo((nint)factory), iid.ToString());
                FUnknown.Release(queried);
            }
            Assert.That((nint)FUnknown.Query(factory, IComponent.Iid), Is.EqualTo(nint.Zero));
        }
        finally
        {
            FUnknown.Release(factory);
        }
    }

    [Test]
    public void Factory_DescribesOneInstrumentClass()
    {
        var factory = NativePlugin.Silent.GetFactory();
        try
        {
            var v = factory->Vtable;
            PFactoryInfo info;
            Assert.That(v->GetFactoryInfo(factory, &info), Is.EqualTo(TResult.Ok));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(info.Vendor, 64)), Is.EqualTo("AdaPlugin"));
            Assert.That(info.Flags & PFactoryInfo.FlagUnicode, Is.Not.Zero);
            Assert.That(v->CountClasses(factory), Is.EqualTo(1));

            PClassInfo c1;
            Assert.That(v->GetClassInfo(factory, 0, &c1), Is.EqualTo(TResult.Ok));
            // The id a host sees: the four DECLARE_CLASS_IID words, big-endian on Linux.
            Assert.That(c1.Cid.ToString(), Is.EqualTo("DF03DC9FCA1645D2AAC14A2AC3A67B8D"));
            Assert.That(c1.Cardinality, Is.EqualTo(PClassInfo.ManyInstances));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(c1.Category, 32)), Is.EqualTo("Audio Module Class"));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(c1.Name, 64)), Is.EqualTo("AdaPlugin"));

            PClassInfo2 c2;
            Assert.That(v->GetClassInfo2(factory, 0, &c2), Is.EqualTo(TResult.Ok));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(c2.SubCategories, 128)), Is.EqualTo("Instrument|Synth"));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(c2.Vendor, 64)), Is.EqualTo("AdaPlugin"));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(c2.SdkVersion, 64)), Does.StartWith("VST 3."));

            PClassInfoW cw;
            Assert.That(v->GetClassInfoUnicode(factory, 0, &cw), Is.EqualTo(TResult.Ok));
            Assert.That(FixedText.ReadUtf16(new ReadOnlySpan<char>(cw.Name, 64)), Is.EqualTo("AdaPlugin"));
            Assert.That(FixedText.ReadUtf8(new ReadOnlySpan<byte>(cw.SubCategories, 128)), Is.EqualTo("Instrument|Synth"));
            Assert.That(cw.Cid, Is.EqualTo(c1.Cid));

            Assert.That(v->GetClassInfo(factory, 1, &c1), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(v->GetClassInfo2(factory, -1, &c2), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(v->GetClassInfo(factory, 0, null), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(v->GetFactoryInfo(factory, null), Is.EqualTo(TResult.InvalidArgument));
        }
        finally
        {
            FUnknown.Release(factory);
        }
    }

    [Test]
    public void CreateInstance_RejectsUnknownClassesInterfacesAndNullPointers()
    {
        var factory = NativePlugin.Silent.GetFactory();
        try
        {
            var v = factory->Vtable;
            var unknown = Tuid.FromLongs(1, 2, 3, 4);
            var cid = AdaPluginRegistration.ClassId;
            var component = IComponent.Iid;
            var stream = IBStream.Iid;
            void* obj = (void*)1;
            Assert.That(v->CreateInstance(factory, &unknown, &component, &obj), Is.EqualTo(TResult.NoInterface));
            Assert.That((nint)obj, Is.EqualTo(nint.Zero));
            Assert.That(v->CreateInstance(factory, &cid, &stream, &obj), Is.EqualTo(TResult.NoInterface));
            Assert.That(v->CreateInstance(factory, null, &component, &obj), Is.EqualTo(TResult.InvalidArgument));
            Assert.That(v->CreateInstance(factory, &cid, &component, null), Is.EqualTo(TResult.InvalidArgument));
        }
        finally
        {
            FUnknown.Release(factory);
        }
    }

    [Test]
    public void Component_AnswersEveryInterfaceOfASingleComponentInstrument_AndIsFreedByTheLastRelease()
    {
        var plugin = new PluginInstance(NativePlugin.Silent);
        var requirements = FUnknown.Query(plugin.Component, IProcessContextRequirements.Iid);
        var pluginBase = FUnknown.Query(plugin.Component, IPluginBase.Iid);
        var identity = FUnknown.Query(plugin.Controller, FUnknown.Iid);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((nint)requirements, Is.Not.EqualTo(nint.Zero));
            Assert.That((nint)pluginBase, Is.EqualTo((nint)plugin.Component));
            Assert.That((nint)identity, Is.EqualTo((nint)plugin.Component), "FUnknown identity is the same from every interface");
            Assert.That((nint)FUnknown.Query(plugin.Component, IBStream.Iid), Is.EqualTo(nint.Zero));
        }
        var flags = ((IProcessContextRequirements*)requirements)->Vtable->GetProcessContextRequirements(requirements);
        Assert.That((ProcessContextRequirements)flags & ProcessContextRequirements.NeedTransportState, Is.Not.EqualTo(ProcessContextRequirements.None));
        Tuid controllerClass;
        Assert.That(plugin.Component->Vtable->GetControllerClassId(plugin.Component, &controllerClass), Is.EqualTo(TResult.NotImplemented));
        FUnknown.Release(requirements);
        FUnknown.Release(pluginBase);
        FUnknown.Release(identity);
        plugin.Dispose();
        Assert.That(plugin.FinalReferenceCount, Is.EqualTo(0u));
    }

    [Test]
    public void ModuleExitThenGetPluginFactory_GivesAWorkingFactory()
    {
        var plugin = NativePlugin.Silent;
        var exit = (delegate* unmanaged<byte>)plugin.Export("ModuleExit");
        Assert.That(exit(), Is.EqualTo(1));
        using var instance = new PluginInstance(plugin);
        Assert.That(instance.Initialize(), Is.EqualTo(TResult.Ok));
    }

    [Test]
    public void GetPluginFactory_ReturnsTheSameFactoryWhileTheModuleHoldsIt()
    {
        var a = NativePlugin.Silent.GetFactory();
        var b = NativePlugin.Silent.GetFactory();
        Assert.That((nint)a, Is.EqualTo((nint)b));
        FUnknown.Release(a);
        Assert.That(FUnknown.Release(b), Is.GreaterThanOrEqualTo(1u), "the module keeps its own reference");
    }
}
