using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IEventList (implemented by hosts).</summary>
public interface IVstEventList
{
    /// <summary>getEventCount.</summary>
    int GetEventCount();

    /// <summary>getEvent.</summary>
    int GetEvent(int index, out Event e);

    /// <summary>addEvent.</summary>
    int AddEvent(in Event e);
}
