using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>An IPluginFactory3 over a fixed list of classes.</summary>
public sealed unsafe class PluginFactory(FactoryInfo info, IReadOnlyList<PluginClass> classes) : IVstPluginFactory
{
    /// <inheritdoc />
    public int GetFactoryInfo(ref PFactoryInfo factoryInfo)
    {
        fixed (PFactoryInfo* p = &factoryInfo)
        {
            FixedText.WriteUtf8(new Span<byte>(p->Vendor, 64), info.Vendor);
            FixedText.WriteUtf8(new Span<byte>(p->Url, 256), info.Url);
            FixedText.WriteUtf8(new Span<byte>(p->Email, 128), info.Email);
            p->Flags = PFactoryInfo.FlagUnicode;
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int CountClasses() => classes.Count;

    /// <inheritdoc />
    public int GetClassInfo(int index, ref PClassInfo classInfo)
    {
        if ((uint)index >= (uint)classes.Count)
        {
            return TResult.InvalidArgument;
        }
        var c = classes[index];
        fixed (PClassInfo* p = &classInfo)
        {
            p->Cid = c.ClassId;
            p->Cardinality = PClassInfo.ManyInstances;
            FixedText.WriteUtf8(new Span<byte>(p->Category, 32), c.Category);
            FixedText.WriteUtf8(new Span<byte>(p->Name, 64), c.Name);
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetClassInfo2(int index, ref PClassInfo2 classInfo)
    {
        if ((uint)index >= (uint)classes.Count)
        {
            return TResult.InvalidArgument;
        }
        var c = classes[index];
        fixed (PClassInfo2* p = &classInfo)
        {
            p->Cid = c.ClassId;
            p->Cardinality = PClassInfo.ManyInstances;
            FixedText.WriteUtf8(new Span<byte>(p->Category, 32), c.Category);
            FixedText.WriteUtf8(new Span<byte>(p->Name, 64), c.Name);
            p->ClassFlags = 0;
            FixedText.WriteUtf8(new Span<byte>(p->SubCategories, 128), c.SubCategories);
            FixedText.WriteUtf8(new Span<byte>(p->Vendor, 64), c.Vendor);
            FixedText.WriteUtf8(new Span<byte>(p->Version, 64), c.Version);
            FixedText.WriteUtf8(new Span<byte>(p->SdkVersion, 64), c.SdkVersion);
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetClassInfoUnicode(int index, ref PClassInfoW classInfo)
    {
        if ((uint)index >= (uint)classes.Count)
        {
            return TResult.InvalidArgument;
        }
        var c = classes[index];
        fixed (PClassInfoW* p = &classInfo)
        {
            p->Cid = c.ClassId;
            p->Cardinality = PClassInfo.ManyInstances;
            FixedText.WriteUtf8(new Span<byte>(p->Category, 32), c.Category);
            FixedText.WriteUtf16(new Span<char>(p->Name, 64), c.Name);
            p->ClassFlags = 0;
            FixedText.WriteUtf8(new Span<byte>(p->SubCategories, 128), c.SubCategories);
            FixedText.WriteUtf16(new Span<char>(p->Vendor, 64), c.Vendor);
            FixedText.WriteUtf16(new Span<char>(p->Version, 64), c.Version);
            FixedText.WriteUtf16(new Span<char>(p->SdkVersion, 64), c.SdkVersion);
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int CreateInstance(in Tuid classId, in Tuid interfaceId, void** instance)
    {
        foreach (var c in classes)
        {
            if (!c.ClassId.Equals(classId))
            {
                continue;
            }
            var created = c.Create();
            var result = created.QueryInterface(interfaceId, instance);
            created.Release();
            return result;
        }
        *instance = null;
        return TResult.NoInterface;
    }

    /// <inheritdoc />
    public int SetHostContext(void* context) => TResult.Ok;
}
