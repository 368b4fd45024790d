using Ada.Vst3;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>Turning a host's event list into sorted note events.</summary>
[TestFixture]
public sealed unsafe class NoteEventQueueTests
{
    [Test]
    public void Fill_SortsByOffset_MapsVelocityZeroToNoteOff_AndSkipsOtherBusesAndKeys()
    {
        using var host = new HostEventList();
        host.NoteOn(300, 64, 0.5f);
        host.NoteOn(10, 60, 1f);
        host.NoteOff(300, 60);
        host.NoteOn(200, 62, 0f);
        host.NoteOn(50, 61, 1f, bus: 1);
        host.NoteOn(60, 200, 1f);
        host.NoteOn(9_999, 65, 1f);
        var queue = new NoteEventQueue(16);
        queue.Fill(new EventList(host.List), 512);
        var events = Enumerable.Range(0, queue.Count).Select(i => queue[i]).ToArray();
        Assert.That(events, Is.EqualTo(new[]
        {
            new NoteEvent(10, true, 60, 1f),
            new NoteEvent(200, false, 62, 0f),
            new NoteEvent(300, true, 64, 0.5f),
            new NoteEvent(300, false, 60, 0f),
            new NoteEvent(511, true, 65, 1f),
        }));
    }

    [Test]
    public void Fill_KeepsAtMostCapacityEvents_AndANullListIsEmpty()
    {
        using var host = new HostEventList();
        for (var i = 0; i < 10; i++)
        {
            host.NoteOn(i, 60 + i, 1f);
        }
        var queue = new NoteEventQueue(4);
        queue.Fill(new EventList(host.List), 64);
        Assert.That(queue.Count, Is.EqualTo(4));
        Assert.That(queue[3].Key, Is.EqualTo(63));
        queue.Fill(new EventList(null), 64);
        Assert.That(queue.Count, Is.EqualTo(0));
    }
}
