using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's NoteOffEvent.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NoteOffEvent
{
    public short Channel;
    public short Pitch;
    public float Velocity;
    public int NoteId;
    public float Tuning;
}
