using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class AdaLevelTests
{
    [Test]
    public void CodesAreOnePerHopAndNllIsCrossEntropyInBits()
    {
        using var model = Tiny.Build<AdaLevel>(Tiny.Amae());
        var x = Tiny.RandomClasses(2, 32);
        var loss = model.Loss(x);
        Assert.That(loss.Codes!.shape, Is.EqualTo(new long[] { 2, 8 }));
        Assert.That(Tiny.Longs(model.Encode(x)), Is.EqualTo(Tiny.Longs(loss.Codes)));
        // nll recomputed by hand from the teacher-forced logits given the codes: −mean log2 softmax(logits)[x]
        var logits = model.Logits(x, loss.Codes);
        var logp = nn.functional.log_softmax(logits, 1).gather(1, x.unsqueeze(1));
        var expected = -logp.mean().item<float>() / Math.Log(2);
        Assert.That(loss.Terms["nll"].item<float>(), Is.EqualTo(expected).Within(1e-4));
        var total = expected + 0.01 * loss.Terms["diversity"].item<float>();
        Assert.That(loss.Total.item<float>(), Is.EqualTo(total).Within(1e-4));
    }

    [Test]
    public void VqTotalAddsCodebookAndBetaTimesCommitment()
    {
        using var model = Tiny.Build<AdaLevel>(Tiny.Vq());
        var loss = model.Loss(Tiny.RandomClasses(2, 32));
        var t = loss.Terms.ToDictionary(kv => kv.Key, kv => (double)kv.Value.item<float>());
        Assert.That(t.Keys, Is.EquivalentTo(new[] { "nll", "codebook", "commitment" }));
        Assert.That(loss.Total.item<float>(), Is.EqualTo(t["nll"] + t["codebook"] + 0.25 * t["commitment"]).Within(1e-4));
    }

    [Test]
    public void ChangingOneCodeFrameLeavesEarlierLogitsUntouchedAndChangesThatFrame()
    {
        using var model = Tiny.Build<AdaLevel>(Tiny.Amae());
        using var _ = no_grad();
        var x = Tiny.RandomClasses(1, 32);
        var codes = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }).reshape(1, 8);
        var changed = codes.clone();
        changed[0, 5] = 2;
        var (a, b) = (model.Logits(x, codes), model.Logits(x, changed));
        Assert.That(Tiny.Floats(a[.., .., ..20]), Is.EqualTo(Tiny.Floats(b[.., .., ..20])), "samples before frame 5");
        for (var t = 20; t < 24; t++)
            Assert.That(Tiny.Floats(a[.., .., t]), Is.Not.EqualTo(Tiny.Floats(b[.., .., t])), $"sample {t} in frame 5");
    }

    [TestCase(ModelKind.AdaAmae)]
    [TestCase(ModelKind.AdaVq)]
    public void ConditioningTableHoldsEachCodesPerLayerGateBias(string kind)
    {
        using var model = Tiny.Build<AdaLevel>(kind == ModelKind.AdaAmae ? Tiny.Amae() : Tiny.Vq());
        using var _ = no_grad();
        var table = model.ConditioningTable();                                      // (k, L, 2G)
        Assert.That(table.shape, Is.EqualTo(new long[] { 8, 4, 12 }));
        var cond = model.Conditioning(arange(8, dtype: ScalarType.Int64).reshape(1, 8));   // (1, L·2G, k)
        for (var code = 0; code < 8; code++)
            for (var layer = 0; layer < 4; layer++)
                Assert.That(Tiny.Floats(table[code, layer]), Is.EqualTo(Tiny.Floats(cond[0, (layer * 12)..((layer + 1) * 12), code])).Within(1e-6));
    }

    [Test]
    public void LevelTwoReadsOneHotCodesOfTheLevelBelow()
    {
        using var model = Tiny.Build<AdaLevel>(Tiny.Amae(level: 2, classes: 8, hop: 2, codes: 4));
        var x = Tiny.RandomClasses(2, 16, classes: 8);
        Assert.That(model.EncoderInput(x).shape, Is.EqualTo(new long[] { 2, 8, 16 }));
        Assert.That(model.Loss(x).Codes!.shape, Is.EqualTo(new long[] { 2, 8 }));
        Assert.That(model.Decoder.PadClass, Is.EqualTo(0));
    }
}
