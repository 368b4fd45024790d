namespace Ada.Vst3.Interop;

/// <summary>VST3 result codes (tresult). Windows uses COM HRESULTs; every other platform uses small integers.</summary>
public static class TResult
{
    /// <summary>kResultOk, also kResultTrue.</summary>
    public const int Ok = 0;

    /// <summary>kResultFalse: the call was understood but the answer is no.</summary>
    public const int False = 1;

    /// <summary>kNoInterface.</summary>
    public static readonly int NoInterface = OperatingSystem.IsWindows() ? unchecked((int)0x80004002) : -1;

    /// <summary>kInvalidArgument.</summary>
    public static readonly int InvalidArgument = OperatingSystem.IsWindows() ? unchecked((int)0x80070057) : 2;

    /// <summary>kNotImplemented.</summary>
    public static readonly int NotImplemented = OperatingSystem.IsWindows() ? unchecked((int)0x80004001) : 3;

    /// <summary>kInternalError.</summary>
    public static readonly int InternalError = OperatingSystem.IsWindows() ? unchecked((int)0x80004005) : 4;

    /// <summary>kNotInitialized: the call came in a state where it is not allowed (e.g. process before setActive).</summary>
    public static readonly int NotInitialized = OperatingSystem.IsWindows() ? unchecked((int)0x8000FFFF) : 5;

    /// <summary>kOutOfMemory.</summary>
    public static readonly int OutOfMemory = OperatingSystem.IsWindows() ? unchecked((int)0x8007000E) : 6;
}
