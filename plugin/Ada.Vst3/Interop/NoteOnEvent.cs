using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's NoteOnEvent (pitch 0..127, velocity 0..1).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NoteOnEvent
{
    public short Channel;
    public short Pitch;
    public float Tuning;
    public float Velocity;
    public int Length;
    public int NoteId;
}
