using Ada.Vst3.Interop;

namespace AdaPlugin.Tests;

/// <summary>Tuid construction, parsing and equality.</summary>
[TestFixture]
public sealed class TuidTests
{
    [Test]
    public void FromLongs_StoresEachWordBigEndianOffWindows()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False);
        var id = Tuid.FromLongs(0x01020304, 0x05060708, 0x090A0B0C, 0x0D0E0F10);
        Assert.That(id.ToString(), Is.EqualTo("0102030405060708090A0B0C0D0E0F10"));
    }

    [Test]
    public void Parse_IsTheInverseOfToString_AndEqualityComparesAllBytes()
    {
        var id = Tuid.FromLongs(0xDF03DC9F, 0xCA1645D2, 0xAAC14A2A, 0xC3A67B8D);
        var parsed = Tuid.Parse(id.ToString());
        Assert.That(parsed, Is.EqualTo(id));
        Assert.That(parsed.GetHashCode(), Is.EqualTo(id.GetHashCode()));
        Assert.That(Tuid.FromLongs(0xDF03DC9F, 0xCA1645D2, 0xAAC14A2A, 0xC3A67B8C), Is.Not.EqualTo(id));
    }

    [Test]
    public void Parse_RejectsTheWrongLength() =>
        Assert.That(() => Tuid.Parse("0102"), Throws.TypeOf<FormatException>().With.Message.Contains("32 hex digits"));
}
