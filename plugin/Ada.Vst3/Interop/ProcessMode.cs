namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ProcessModes: realtime, prefetch, or offline (a bounce that may run faster or slower than realtime).</summary>
public enum ProcessMode
{
    Realtime = 0,
    Prefetch = 1,
    Offline = 2,
}
