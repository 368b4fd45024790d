using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>A host's IEventList as a plug-in reads it on the audio thread (a null list reads as empty).</summary>
public readonly unsafe struct EventList(IEventList* list)
{
    /// <summary>The number of events (0 for a null list).</summary>
    public int Count => list == null ? 0 : Math.Max(0, list->Vtable->GetEventCount(list));

    /// <summary>Copies event <paramref name="index"/>; false if the host refuses.</summary>
    public bool TryGet(int index, out Event e)
    {
        e = default;
        if (list == null)
        {
            return false;
        }
        fixed (Event* target = &e)
        {
            return list->Vtable->GetEvent(list, index, target) == TResult.Ok;
        }
    }
}
