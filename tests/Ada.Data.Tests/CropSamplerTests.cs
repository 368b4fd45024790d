namespace Ada.Data.Tests;

public class CropSamplerTests
{
    private const int T = 1000;

    /// <summary>Train files of 10k, 20k and 70k samples plus one too short to crop; one validation file.</summary>
    private static SyntheticDataset Dataset() => new(
        (10_000, DataSplit.Train), (20_000, DataSplit.Train), (500, DataSplit.Train),
        (70_000, DataSplit.Train), (5_500, DataSplit.Validation));

    private static CropSampler Train(SyntheticDataset data, int batch = 8, ulong seed = 7) =>
        CropSampler.Open(data.ManifestPath, DataSplit.Train, new CropSamplerOptions(T, batch, seed));

    [Test]
    public void Same_seed_and_step_give_the_same_batch_whatever_was_read_before()
    {
        using var data = Dataset();
        using var first = Train(data);
        using var second = Train(data);
        var direct = first.Batch(12);

        for (long step = 0; step < 12; step++)
            second.Batch(step);
        var afterOthers = second.Batch(12);

        Assert.That(afterOthers.Samples, Is.EqualTo(direct.Samples));
        Assert.That(afterOthers.Locations, Is.EqualTo(direct.Locations));
    }

    [Test]
    public void Different_steps_and_seeds_give_different_batches()
    {
        using var data = Dataset();
        using var sampler = Train(data, seed: 7);
        using var otherSeed = Train(data, seed: 8);

        Assert.That(sampler.Batch(1).Locations, Is.Not.EqualTo(sampler.Batch(0).Locations));
        Assert.That(otherSeed.Batch(0).Locations, Is.Not.EqualTo(sampler.Batch(0).Locations));
    }

    [Test]
    public void Crops_lie_inside_their_file_and_equal_its_content_at_the_recorded_offset()
    {
        using var data = Dataset();
        using var sampler = Train(data);

        for (long step = 0; step < 50; step++)
        {
            var batch = sampler.Batch(step);
            Assert.That(batch.Count, Is.EqualTo(8));
            for (int b = 0; b < batch.Count; b++)
            {
                var at = batch.Locations[b];
                var entry = sampler.Files[at.FileIndex];
                Assert.That(at.Id, Is.EqualTo(entry.Id));
                Assert.That(at.Offset, Is.InRange(0, entry.Samples - T));
                int fileNumber = int.Parse(entry.Id["piece-".Length..]);
                var expected = Enumerable.Range(0, T).Select(i => SyntheticWav.Sample(fileNumber, at.Offset + i)).ToArray();
                Assert.That(batch.Crop(b).ToArray(), Is.EqualTo(expected));
            }
        }
    }

    [Test]
    public void Files_are_drawn_in_proportion_to_their_duration_and_short_files_never()
    {
        using var data = Dataset();
        using var sampler = Train(data, batch: 100);
        var counts = new Dictionary<string, int>();

        for (long step = 0; step < 100; step++)
            foreach (var at in sampler.Batch(step).Locations)
                counts[at.Id] = counts.GetValueOrDefault(at.Id) + 1;

        // 10 000 crops; the standard error of each share is below 0.005, the tolerance is 0.02.
        Assert.That(counts.GetValueOrDefault("piece-2"), Is.Zero, "500-sample file is shorter than a crop");
        Assert.That(counts["piece-0"] / 10_000.0, Is.EqualTo(0.1).Within(0.02));
        Assert.That(counts["piece-1"] / 10_000.0, Is.EqualTo(0.2).Within(0.02));
        Assert.That(counts["piece-3"] / 10_000.0, Is.EqualTo(0.7).Within(0.02));
    }

    [Test]
    public void Offsets_spread_over_the_whole_file()
    {
        using var data = new SyntheticDataset((10_000, DataSplit.Train));
        using var sampler = Train(data, batch: 50);

        var offsets = Enumerable.Range(0, 20).SelectMany(s => sampler.Batch(s).Locations).Select(l => l.Offset).ToList();

        Assert.That(offsets.Min(), Is.LessThan(500));
        Assert.That(offsets.Max(), Is.GreaterThan(10_000 - T - 500));
    }

    [Test]
    public void Evaluation_covers_each_file_once_with_non_overlapping_crops()
    {
        using var data = Dataset();
        using var sampler = Train(data, batch: 7);

        var batches = sampler.EvaluationBatches().ToList();
        var locations = batches.SelectMany(b => b.Locations).ToList();

        var expected = new[] { ("piece-0", 10), ("piece-1", 20), ("piece-3", 70) }
            .SelectMany(f => Enumerable.Range(0, f.Item2).Select(k => (f.Item1, (long)k * T)));
        Assert.That(locations.Select(l => (l.Id, l.Offset)), Is.EqualTo(expected));
        Assert.That(batches.Take(batches.Count - 1).Select(b => b.Count), Is.All.EqualTo(7));
        Assert.That(batches[^1].Count, Is.EqualTo(100 % 7));
        var last = batches[^1];
        Assert.That(last.Crop(last.Count - 1)[0], Is.EqualTo(SyntheticWav.Sample(3, 69 * T)));
    }

    [Test]
    public void Evaluation_drops_only_the_tail_shorter_than_a_crop()
    {
        using var data = Dataset();
        using var sampler = CropSampler.Open(data.ManifestPath, DataSplit.Validation, new CropSamplerOptions(T, 4));

        var offsets = sampler.EvaluationBatches().SelectMany(b => b.Locations).Select(l => l.Offset);

        Assert.That(offsets, Is.EqualTo(new long[] { 0, 1000, 2000, 3000, 4000 }));
    }

    [Test]
    public void A_split_with_nothing_long_enough_is_refused()
    {
        using var data = Dataset();

        var error = Assert.Throws<InvalidOperationException>(() =>
            CropSampler.Open(data.ManifestPath, DataSplit.Test, new CropSamplerOptions(T, 4)));

        Assert.That(error!.Message, Does.Contain("Test").And.Contain("1000 samples"));
    }

    [Test]
    public void A_file_in_the_wrong_format_is_named_in_the_error()
    {
        using var data = Dataset();
        var bad = Path.Combine(data.Folder, "audio", "piece-1.wav");
        var bytes = File.ReadAllBytes(bad);
        BitConverter.GetBytes(44100).CopyTo(bytes, 24);
        File.WriteAllBytes(bad, bytes);

        var error = Assert.Throws<InvalidDataException>(() => Train(data));

        Assert.That(error!.Message, Does.Contain(bad).And.Contain("44100 Hz"));
    }

    [Test]
    public void A_file_shorter_than_its_manifest_entry_is_named_in_the_error()
    {
        using var data = Dataset();
        var wav = Path.Combine(data.Folder, "audio", "piece-3.wav");
        Pcm16Wav.Write(wav, new short[60_000]);

        var error = Assert.Throws<InvalidDataException>(() => Train(data));

        Assert.That(error!.Message, Does.Contain(wav).And.Contain("70000"));
    }
}
