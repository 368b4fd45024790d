namespace Ada.Vst3.Interop;

/// <summary>Steinberg's BusDirections.</summary>
public enum BusDirection
{
    Input = 0,
    Output = 1,
}
