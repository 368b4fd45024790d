namespace Ada.Vst3.Interop;

/// <summary>Steinberg's MediaTypes.</summary>
public enum MediaType
{
    Audio = 0,
    Event = 1,
}
