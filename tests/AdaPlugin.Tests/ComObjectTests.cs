using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>Ada.Vst3's reference-counted object table, exercised in this process through its own vtables.</summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class ComObjectTests
{
    private sealed class DisposableStream : IDisposable
    {
        public int Disposals { get; private set; }

        public void Dispose() => Disposals++;
    }

    [Test]
    public void QueryInterface_AddsAReference_AndTheLastReleaseFreesTheObject()
    {
        var live = ComObject.LiveCount;
        var stream = new HostStream();
        Assert.That(ComObject.LiveCount, Is.EqualTo(live + 1));
        var again = FUnknown.Query(stream.Pointer, IBStream.Iid);
        Assert.That((nint)again, Is.EqualTo((nint)stream.Pointer));
        Assert.That(stream.Com.ReferenceCount, Is.EqualTo(2));
        Assert.That(FUnknown.Release(again), Is.EqualTo(1u));
        Assert.That((nint)FUnknown.Query(stream.Pointer, IEventList.Iid), Is.EqualTo(nint.Zero));
        Assert.That(stream.Com.ReferenceCount, Is.EqualTo(1), "a failed query adds no reference");
        stream.Dispose();
        Assert.That(ComObject.LiveCount, Is.EqualTo(live));
    }

    [Test]
    public void QueryInterface_WithNullArguments_IsAnInvalidArgument()
    {
        using var stream = new HostStream();
        var unknown = (FUnknown*)stream.Pointer;
        var iid = IBStream.Iid;
        void* result = (void*)1;
        Assert.That(unknown->Vtable->QueryInterface(unknown, null, &result), Is.EqualTo(TResult.InvalidArgument));
        Assert.That((nint)result, Is.EqualTo(nint.Zero));
        Assert.That(unknown->Vtable->QueryInterface(unknown, &iid, null), Is.EqualTo(TResult.InvalidArgument));
    }

    [Test]
    public void Release_ToZero_DisposesEachDisposableTargetOnce()
    {
        var target = new DisposableStream();
        var com = new ComObject((IBStream.Descriptor, target), (IEventList.Descriptor, target));
        FUnknown.AddRef(com.Pointer);
        Assert.That(com.Release(), Is.EqualTo(1u));
        Assert.That(target.Disposals, Is.EqualTo(0));
        Assert.That(com.Release(), Is.EqualTo(0u));
        Assert.That(target.Disposals, Is.EqualTo(1));
    }

    [Test]
    public void AnExceptionInAnEntryPoint_BecomesAResultCodeAndAReport()
    {
        var reports = new List<string>();
        var sink = ExceptionBarrier.Sink;
        ExceptionBarrier.Sink = reports.Add;
        // A stream whose target does not implement IVstStream: the entry point's cast throws inside the barrier.
        var broken = new ComObject((IBStream.Descriptor, new object()));
        try
        {
            var stream = (IBStream*)broken.Pointer;
            long position;
            Assert.That(stream->Vtable->Tell(stream, &position), Is.EqualTo(TResult.InternalError));
        }
        finally
        {
            ExceptionBarrier.Sink = sink;
            broken.Release();
        }
        Assert.That(reports, Has.One.Contains("IBStream::tell threw System.InvalidCastException"));
    }
}
