using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>A minimal IHostApplication passed to initialize; it counts getName calls.</summary>
internal sealed unsafe class HostApplication(string name) : HostObject(IHostApplication.Descriptor), IVstHostApplication
{
    public int NameRequests { get; private set; }

    public int GetName(Span<char> text)
    {
        NameRequests++;
        FixedText.WriteUtf16(text, name);
        return TResult.Ok;
    }

    public int CreateInstance(in Tuid classId, in Tuid interfaceId, void** instance)
    {
        *instance = null;
        return TResult.NoInterface;
    }
}
