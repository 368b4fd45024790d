namespace Ada.Vst3.Interop;

/// <summary>
/// Where every entry point's catch block goes: an exception must never unwind into the host, so it is reported
/// (stderr, or the sink a plug-in installs) and turned into a result code.
/// </summary>
public static class ExceptionBarrier
{
    /// <summary>Receives the report of each caught exception; stderr unless a plug-in routes it to its own log.</summary>
    public static Action<string> Sink { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary>Reports <paramref name="exception"/> thrown inside <paramref name="entryPoint"/> and returns kInternalError.</summary>
    public static int Fail(Exception exception, string entryPoint)
    {
        Report(exception, entryPoint);
        return TResult.InternalError;
    }

    /// <summary>Reports an exception from an entry point whose return type is not a result code.</summary>
    public static void Report(Exception exception, string entryPoint)
    {
        try
        {
            Sink($"Ada.Vst3: {entryPoint} threw {exception}");
        }
        catch
        {
            // The report itself failed (e.g. stderr closed); nothing else may escape into the host.
        }
    }
}
