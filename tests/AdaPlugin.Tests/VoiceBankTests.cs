using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>Voices and their envelope, rendered from a constant source (so samples are the envelope itself).</summary>
[TestFixture]
public sealed class VoiceBankTests
{
    private const double Rate = 48000;

    private static float[] Render(VoiceBank bank, int samples, float gain = 1f)
    {
        var mixL = new float[samples];
        var mixR = new float[samples];
        bank.Render(new ConstantTakeSource(1f), 0, gain, mixL, mixR, new float[samples], new float[samples]);
        return mixL;
    }

    [Test]
    public void Attack_RisesLinearlyToFullLevel_AndRelease_FallsLinearlyToSilence()
    {
        var bank = new VoiceBank(4);
        bank.Prepare(Rate);
        bank.NoteOn(60, 0.5f);
        var attackSamples = (int)(VoiceBank.AttackSeconds * Rate);
        var on = Render(bank, 1000);
        Assert.That(on[0], Is.EqualTo(0.5f / attackSamples).Within(1e-7), "first sample is one attack step");
        Assert.That(on[(attackSamples / 2) - 1], Is.EqualTo(0.25f).Within(1e-4), "halfway through the attack");
        Assert.That(on[(attackSamples + 1)..], Has.All.EqualTo(0.5f), "velocity 0.5 sustains at 0.5");

        bank.NoteOff(60);
        var releaseSamples = (int)(VoiceBank.ReleaseSeconds * Rate);
        var off = Render(bank, releaseSamples + 100);
        Assert.That(off[(releaseSamples / 2) - 1], Is.EqualTo(0.25f).Within(1e-3));
        Assert.That(off[(releaseSamples + 1)..], Has.All.EqualTo(0f));
        Assert.That(bank.ActiveCount, Is.EqualTo(0));
    }

    [Test]
    public void NoteOn_OfAPlayingKey_RetriggersTheSameVoice()
    {
        var bank = new VoiceBank(4);
        bank.Prepare(Rate);
        bank.NoteOn(60, 1f);
        bank.NoteOn(60, 1f);
        Assert.That(bank.ActiveCount, Is.EqualTo(1));
    }

    [Test]
    public void MoreNotesThanVoices_StealTheOldest()
    {
        var bank = new VoiceBank(2);
        bank.Prepare(Rate);
        bank.NoteOn(60, 1f);
        bank.NoteOn(62, 1f);
        bank.NoteOn(64, 1f);
        Assert.That(bank.ActiveCount, Is.EqualTo(2));
        bank.NoteOff(62);
        bank.NoteOff(64);
        Render(bank, (int)(VoiceBank.ReleaseSeconds * Rate) + 10);
        Assert.That(bank.ActiveCount, Is.EqualTo(0), "key 60 was stolen, so releasing 62 and 64 silences everything");
    }

    [Test]
    public void Gain_ScalesEveryVoice()
    {
        var bank = new VoiceBank(4);
        bank.Prepare(Rate);
        bank.NoteOn(60, 1f);
        bank.NoteOn(67, 1f);
        var mix = Render(bank, 2000, gain: 0.25f);
        Assert.That(mix[^1], Is.EqualTo(0.5f), "two voices × full level × 0.25");
    }
}
