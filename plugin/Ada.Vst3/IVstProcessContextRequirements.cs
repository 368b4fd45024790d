using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IProcessContextRequirements.</summary>
public interface IVstProcessContextRequirements
{
    /// <summary>The ProcessContext fields the plug-in needs.</summary>
    ProcessContextRequirements GetProcessContextRequirements();
}
