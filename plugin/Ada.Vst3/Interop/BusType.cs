namespace Ada.Vst3.Interop;

/// <summary>Steinberg's BusTypes: main, or auxiliary (side-chain).</summary>
public enum BusType
{
    Main = 0,
    Aux = 1,
}
