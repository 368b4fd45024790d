using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>An IParameterChanges: input automation for a block, or the plug-in's output (read-only parameters).</summary>
internal sealed unsafe class HostParameterChanges() : HostObject(IParameterChanges.Descriptor), IVstParameterChanges
{
    private readonly Dictionary<uint, HostParamValueQueue> _all = [];
    private readonly List<HostParamValueQueue> _active = new(32);

    public IParameterChanges* Changes => (IParameterChanges*)Pointer;

    /// <summary>The queues used in the current block.</summary>
    public IReadOnlyList<HostParamValueQueue> Queues => _active;

    /// <summary>Empties the block; queue objects are kept so a steady block loop allocates nothing.</summary>
    public void Clear()
    {
        foreach (var q in _active)
        {
            q.Clear();
        }
        _active.Clear();
    }

    public void Set(AdaParameterId id, double normalized, int offset = 0) => Queue((uint)id).AddPoint(offset, normalized, out _);

    public int GetParameterCount() => _active.Count;

    public void* GetParameterData(int index) => (uint)index < (uint)_active.Count ? _active[index].Pointer : null;

    public void* AddParameterData(uint id, out int index)
    {
        var queue = Queue(id);
        index = _active.IndexOf(queue);
        return queue.Pointer;
    }

    public override void Dispose()
    {
        foreach (var q in _all.Values)
        {
            q.Dispose();
        }
        base.Dispose();
    }

    private HostParamValueQueue Queue(uint id)
    {
        if (!_all.TryGetValue(id, out var queue))
        {
            queue = new HostParamValueQueue(id);
            _all.Add(id, queue);
        }
        if (!_active.Contains(queue))
        {
            _active.Add(queue);
        }
        return queue;
    }
}
