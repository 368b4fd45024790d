namespace Ada.Vst3.Interop;

/// <summary>Steinberg's SymbolicSampleSizes.</summary>
public enum SymbolicSampleSize
{
    Sample32 = 0,
    Sample64 = 1,
}
