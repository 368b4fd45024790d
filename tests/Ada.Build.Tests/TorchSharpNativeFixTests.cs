using System.Reflection;
using System.Text;
using Ada.Build;

namespace Ada.Build.Tests;

[TestFixture]
public class TorchSharpNativeFixTests
{
    const string Gcc13Node = "GLIBCXX_3.4.32";
    static readonly string[] Gcc12Nodes = Enumerable.Range(0, 31).Select(i => $"GLIBCXX_3.4.{i}").Append("GLIBCXX_3.4").ToArray();

    static string PristineWrapper()
    {
        var folder = typeof(TorchSharpNativeFixTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TorchSharpPackageFolder").Value!;
        var path = Path.Combine(folder, "runtimes", "linux-x64", "native", ElfGlibcxxPatch.WrapperFileName);
        Assume.That(File.Exists(path), "TorchSharp's Linux wrapper is only in the package on linux-x64 restores");
        return path;
    }

    static int CountOccurrences(byte[] haystack, string needle)
    {
        var n = Encoding.ASCII.GetBytes(needle);
        int count = 0;
        for (int i = haystack.AsSpan().IndexOf(n); i >= 0;)
        {
            count++;
            int next = haystack.AsSpan(i + 1).IndexOf(n);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }

    [Test]
    public void PatchesTheGcc13ImportOnAGcc12Libstdcxx()
    {
        var original = File.ReadAllBytes(PristineWrapper());
        var bytes = (byte[])original.Clone();

        var outcome = ElfGlibcxxPatch.Patch(bytes, new HashSet<string>(Gcc12Nodes));

        Assert.That(outcome, Is.EqualTo(PatchOutcome.Patched));
        Assert.That(bytes.Length, Is.EqualTo(original.Length));
        Assert.That(CountOccurrences(bytes, "_ZSt21ios_base_library_initv"), Is.EqualTo(CountOccurrences(original, "_ZSt21ios_base_library_initv") - 1));
        int changed = bytes.Zip(original).Count(p => p.First != p.Second);
        Assert.That(changed, Is.InRange(3, 40), "only the flag, the version index and the name may change");
    }

    [Test]
    public void SecondPatchIsANoOp()
    {
        var bytes = File.ReadAllBytes(PristineWrapper());
        var defined = new HashSet<string>(Gcc12Nodes);
        ElfGlibcxxPatch.Patch(bytes, defined);
        var once = (byte[])bytes.Clone();

        Assert.That(ElfGlibcxxPatch.Patch(bytes, defined), Is.EqualTo(PatchOutcome.AlreadyPatched));
        Assert.That(bytes, Is.EqualTo(once));
    }

    [Test]
    public void DoesNothingWhereLibstdcxxIsNewEnough()
    {
        var original = File.ReadAllBytes(PristineWrapper());
        var bytes = (byte[])original.Clone();

        var outcome = ElfGlibcxxPatch.Patch(bytes, new HashSet<string>(Gcc12Nodes.Append("GLIBCXX_3.4.31").Append(Gcc13Node)));

        Assert.That(outcome, Is.EqualTo(PatchOutcome.NotNeeded));
        Assert.That(bytes, Is.EqualTo(original));
    }

    [Test]
    public void ReadsTheVersionsOfTheSystemLibstdcxx()
    {
        var path = ElfGlibcxxPatch.FindSystemLibStdCxx();
        Assume.That(path, Is.Not.Null, "no system libstdc++ (not Linux?)");
        var defined = ElfGlibcxxPatch.DefinedVersions(File.ReadAllBytes(path!));
        Assert.That(defined, Does.Contain("GLIBCXX_3.4.21"));
        Assert.That(defined, Does.Contain("CXXABI_1.3"));
    }

    [Test]
    public void BuildPatchedTheCopyInOurOutputAndLeftThePackageCacheAlone()
    {
        var pristine = PristineWrapper();
        var libstdcxx = ElfGlibcxxPatch.FindSystemLibStdCxx();
        Assume.That(libstdcxx, Is.Not.Null);
        var defined = ElfGlibcxxPatch.DefinedVersions(File.ReadAllBytes(libstdcxx!));
        var copies = Directory.GetFiles(AppContext.BaseDirectory, ElfGlibcxxPatch.WrapperFileName, SearchOption.AllDirectories);
        Assert.That(copies, Is.Not.Empty, "the wrapper should be copied to the test output");

        foreach (var copy in copies)
        {
            var expected = defined.Contains(Gcc13Node) ? PatchOutcome.NotNeeded : PatchOutcome.AlreadyPatched;
            Assert.That(ElfGlibcxxPatch.Patch(File.ReadAllBytes(copy), defined), Is.EqualTo(expected), copy);
        }
        Assert.That(ElfGlibcxxPatch.Patch(File.ReadAllBytes(pristine), new HashSet<string>(Gcc12Nodes)), Is.EqualTo(PatchOutcome.Patched),
            "the package cache copy must stay unpatched");
    }

    [Test]
    public void RejectsFilesThatAreNotElf64()
    {
        Assert.That(() => ElfGlibcxxPatch.Patch(Encoding.ASCII.GetBytes("not an elf file at all, just text......................................"), new HashSet<string>()),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("not an ELF"));
        var truncated = File.ReadAllBytes(PristineWrapper()).AsSpan(0, 4096).ToArray();
        Assert.That(() => ElfGlibcxxPatch.Patch(truncated, new HashSet<string>(Gcc12Nodes)),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("out of bounds"));
    }
}
