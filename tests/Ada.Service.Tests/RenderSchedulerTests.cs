using Ada.Service.Generation;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class RenderSchedulerTests
{
    private static TakeAudio Claimed(ITakeInterest interest, double seconds = 0.05, int variation = 0)
    {
        var take = TestTakes.Empty(seconds, variation);
        take.AddInterest(interest);
        return take;
    }

    [Test]
    public void TheMostUrgentTakeIsGeneratedFirst()
    {
        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var prerender = Claimed(new FixedInterest(1, TakeUrgency.Prerender), variation: 0);
        var starving = Claimed(new FixedInterest(2, TakeUrgency.Starving), variation: 1);
        var armed = Claimed(new FixedInterest(1, TakeUrgency.Armed), variation: 2);
        foreach (var take in new[] { prerender, starving, armed }) scheduler.Enqueue(take);

        var order = new[] { scheduler.Next()!, scheduler.Next()!, scheduler.Next()! }.Select(j => j.Takes.Single()).ToArray();
        Assert.That(order, Is.EqualTo(new[] { starving, armed, prerender }));
    }

    [Test]
    public void EqualUrgencyIsServedRoundRobinAcrossClientsThenAcrossTheirTakes()
    {
        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var one = new FixedInterest(1, TakeUrgency.Playing);
        var x1 = Claimed(one, variation: 0);
        var x2 = Claimed(one, variation: 1);
        var y = Claimed(new FixedInterest(2, TakeUrgency.Playing), variation: 2);
        foreach (var take in new[] { x1, x2, y }) scheduler.Enqueue(take);

        var served = new List<TakeAudio>();
        for (int i = 0; i < 6; i++)
        {
            var job = scheduler.Next()!;
            served.Add(job.Takes.Single());
            scheduler.Return(job, failed: false);   // not stepped: still pending
        }
        Assert.That(served, Is.EqualTo(new[] { x1, y, x2, y, x1, y }));
    }

    [Test]
    public void PendingTakesOfTheSameModelAndSettingsShareOneBatch()
    {
        var scheduler = new RenderScheduler(maxBatch: 8, mergeSamples: 0, new ServiceMetrics());
        var interest = new FixedInterest(1, TakeUrgency.Armed);
        var a = Claimed(interest, 0.05, variation: 0);
        var b = Claimed(interest, 0.05, variation: 1);
        var longer = Claimed(interest, 0.06, variation: 2);
        foreach (var take in new[] { a, b, longer }) scheduler.Enqueue(take);

        var jobs = new[] { scheduler.Next()!, scheduler.Next()! };
        Assert.That(jobs.Select(j => j.Takes.Count).Order(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(jobs.Single(j => j.Takes.Count == 2).Takes, Is.EquivalentTo(new[] { a, b }));
    }

    [Test]
    public void AJobNobodyNeedsIsCancelled()
    {
        var scheduler = new RenderScheduler(maxBatch: 1, mergeSamples: 0, new ServiceMetrics());
        var leaving = new FixedInterest(1, TakeUrgency.Starving);
        var abandoned = Claimed(leaving, variation: 0);
        var wanted = Claimed(new FixedInterest(2, TakeUrgency.Prerender), variation: 1);
        scheduler.Enqueue(abandoned);
        scheduler.Enqueue(wanted);
        abandoned.RemoveInterest(leaving);

        Assert.That(scheduler.Next()!.Takes.Single(), Is.SameAs(wanted));
        Assert.That(scheduler.JobCount, Is.EqualTo(1), "the abandoned take's job is gone");
        Assert.That(abandoned.HasJob, Is.False, "a later claim queues it again");
    }

    [Test]
    public void ATakeGeneratedInABatchEqualsItGeneratedAlone()
    {
        var batch = new RenderJob(TestTakes.Empty(variation: 0));
        batch.Add(TestTakes.Empty(variation: 1));
        batch.Add(TestTakes.Empty(variation: 2));
        var alone = new RenderJob(TestTakes.Empty(variation: 1));
        while (!batch.IsDone) batch.Step(333);
        while (!alone.IsDone) alone.Step(500);

        var batched = new byte[batch.Takes[1].Length];
        var single = new byte[batched.Length];
        Assert.That(batch.Takes[1].Read(0, batched), Is.EqualTo(batched.Length));
        Assert.That(alone.Takes[0].Read(0, single), Is.EqualTo(single.Length));
        Assert.That(batched, Is.EqualTo(single));
        Assert.That(batch.Takes[0].Read(0, single), Is.EqualTo(single.Length));
        Assert.That(single, Is.Not.EqualTo(batched), "another variation differs");
    }
}
