using Ada.Inference;
using Ada.Protocol;
using Ada.Service.Generation;
using Ada.Service.Models;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>A model replaced by a reload is disposed once, when the last render job using it ends (<see cref="LoadedModel"/>).</summary>
[TestFixture]
public class ModelLifetimeTests
{
    [Test]
    public void AReloadWhileAJobUsesTheModelDisposesItWhenTheJobEnds()
    {
        var (model, levels) = Loaded();
        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var take = Take(model);
        take.AddInterest(new FixedInterest(1, TakeUrgency.Armed));
        scheduler.Enqueue(take);
        var job = scheduler.Next()!;

        model.Retire();   // the source reloaded the model
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 0, 0 }), "the job still holds its lease");
        Assert.That(job.Step(100), Is.EqualTo(100), "and samples with the levels");

        scheduler.Return(job, failed: true);
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 1, 1 }), "the job's end released the last reference");
        Assert.That(model.IsFreed, Is.True);
        model.Retire();
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 1, 1 }), "never twice");
    }

    [Test]
    public void AReloadWithNoJobDisposesTheModelAtOnceAndItsTakesFailInsteadOfSampling()
    {
        var (model, levels) = Loaded();
        model.Retire();
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(model.TryLease(), Is.Null);

        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var take = Take(model);
        scheduler.Enqueue(take);
        Assert.That((take.HasJob, scheduler.JobCount), Is.EqualTo((false, 0)));
        Assert.That(take.Error, Does.EndWith("its model was replaced by a reload before generation started; arm the take again"));
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void OnlyTheLastOfSeveralLeasesDisposesAndEachLeaseCountsOnce()
    {
        var (model, levels) = Loaded();
        var first = model.TryLease()!;
        var second = model.TryLease()!;
        model.Retire();
        first.Dispose();
        first.Dispose();
        Assert.That((levels[0].Disposals, model.IsFreed), Is.EqualTo((0, false)), "a second Dispose of one lease does not release another's reference");
        second.Dispose();
        Assert.That(levels.Select(l => l.Disposals), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void ATakeLeftIncompleteByAFreedModelIsClaimedAfreshWithTheNewModel()
    {
        var (old, _) = Loaded();
        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var cache = new TakeCache(new ServiceOptions { CacheFolder = null }, scheduler, new ServiceMetrics(), _ => { });
        var interest = new FixedInterest(1, TakeUrgency.Armed);
        var lease = cache.Acquire(Spec(old), interest);
        scheduler.Stop();
        scheduler.DisposeJobs();   // its job ended before any sample
        old.Retire();
        Assert.That(lease.Take.Orphaned, Is.True);

        var (reloaded, _) = Loaded();   // the same file reloaded: same hash, so the same take id
        using var again = cache.Acquire(Spec(reloaded), interest);
        Assert.That(again.Take, Is.Not.SameAs(lease.Take));
        Assert.That(again.Take.Spec.Preset.Model, Is.SameAs(reloaded));
        lease.Dispose();   // the old holder's release finds the new entry and leaves it alone
        using var third = cache.Acquire(Spec(reloaded), interest);
        Assert.That(third.Take, Is.SameAs(again.Take));
    }

    private static (LoadedModel Model, CountingLevel[] Levels) Loaded()
    {
        var levels = TinyModels.Levels.Select(l => new CountingLevel(l)).ToArray();
        return (new LoadedModel(levels), levels);
    }

    private static TakeSpec Spec(LoadedModel model) =>
        new(TinyModels.Preset(seconds: 0.05) with { Levels = model.Levels, Model = model }, 1, 0, ContentHash.None);

    private static TakeAudio Take(LoadedModel model) => new(Spec(model), 1000, null, new ServiceMetrics(), _ => { });

    /// <summary>A tiny level that counts how often it is disposed (as a torch level frees its device weights).</summary>
    private sealed class CountingLevel(IIncrementalWaveNet inner) : IIncrementalWaveNet, IDisposable
    {
        public int Disposals { get; private set; }

        public WaveNetSpec Spec => inner.Spec;

        public string Backend => inner.Backend;

        public IWaveNetStreams CreateStreams(int batch) => inner.CreateStreams(batch);

        public void Dispose() => Disposals++;
    }
}
