using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>A host's IParameterChanges as a plug-in uses it on the audio thread (a null list reads as empty).</summary>
public readonly unsafe struct ParameterChanges(IParameterChanges* changes)
{
    /// <summary>False where the host passed no list (then nothing can be added either).</summary>
    public bool IsValid => changes != null;

    /// <summary>The number of queues (0 for a null list).</summary>
    public int Count => changes == null ? 0 : Math.Max(0, changes->Vtable->GetParameterCount(changes));

    /// <summary>Queue <paramref name="index"/> (check <see cref="ParamValueQueue.IsValid"/>).</summary>
    public ParamValueQueue Get(int index) =>
        new(changes == null ? null : changes->Vtable->GetParameterData(changes, index));

    /// <summary>The queue for parameter <paramref name="id"/>, added if the block has none yet.</summary>
    public ParamValueQueue Add(uint id)
    {
        if (changes == null)
        {
            return default;
        }
        int index;
        return new ParamValueQueue(changes->Vtable->AddParameterData(changes, &id, &index));
    }
}
