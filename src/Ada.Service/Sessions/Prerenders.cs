using Ada.Protocol;
using Ada.Service.Takes;

namespace Ada.Service.Sessions;

/// <summary>One client's pre-render claims (e.g. from note-ons), newest last; beyond <paramref name="max"/> the oldest is cancelled.</summary>
internal sealed class Prerenders(TakeCache cache, int clientId, int max) : IDisposable
{
    private readonly List<TakeLease> _leases = [];
    private readonly FixedInterest _interest = new(clientId, TakeUrgency.Prerender);

    /// <summary>Claims <paramref name="spec"/> for pre-rendering (or refreshes its place if already claimed).</summary>
    public void Request(TakeSpec spec)
    {
        if (max == 0) return;
        int index = _leases.FindIndex(l => l.Take.Spec.Key == spec.Key);
        if (index >= 0)
        {
            _leases.Add(_leases[index]);
            _leases.RemoveAt(index);
            return;
        }
        _leases.Add(cache.Acquire(spec, _interest));
        while (_leases.Count > max) Release(0);
    }

    /// <summary>Drops the pre-render of take <paramref name="key"/> (it got armed, so its ring claims it instead).</summary>
    public void Cancel(ContentHash key)
    {
        int index = _leases.FindIndex(l => l.Take.Spec.Key == key);
        if (index >= 0) Release(index);
    }

    /// <summary>Cancels every pre-render.</summary>
    public void Dispose()
    {
        while (_leases.Count > 0) Release(0);
    }

    private void Release(int index)
    {
        var lease = _leases[index];
        _leases.RemoveAt(index);
        lease.Dispose();
    }
}
