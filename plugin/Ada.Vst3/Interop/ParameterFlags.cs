namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ParameterInfo::ParameterFlags.</summary>
[Flags]
public enum ParameterFlags
{
    None = 0,
    CanAutomate = 1 << 0,
    IsReadOnly = 1 << 1,
    IsWrapAround = 1 << 2,
    IsList = 1 << 3,
    IsHidden = 1 << 4,
    IsProgramChange = 1 << 15,
    IsBypass = 1 << 16,
}
