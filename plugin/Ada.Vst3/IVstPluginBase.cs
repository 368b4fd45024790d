namespace Ada.Vst3;

/// <summary>Managed behaviour behind IPluginBase (initialize/terminate), shared by IComponent and IEditController.</summary>
public unsafe interface IVstPluginBase
{
    /// <summary>The host's context object (an FUnknown, usually an IHostApplication), or null.</summary>
    int Initialize(void* context);

    /// <summary>Releases everything taken from the host.</summary>
    int Terminate();
}
