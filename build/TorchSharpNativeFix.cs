// Makes TorchSharp's native wrapper load on systems whose libstdc++ predates GCC 13
// (Debian 12: newest node GLIBCXX_3.4.30). See docs/torchsharp-on-debian12.md.
//
// This one file is compiled twice: by MSBuild's RoslynCodeTaskFactory (build/TorchSharpNativeFix.targets)
// so that a plain `dotnet build` patches the copies in the output folder, and by the build tests,
// which exercise ElfGlibcxxPatch directly (with ADA_NO_MSBUILD, so they need no MSBuild assemblies).
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Ada.Build
{
#if !ADA_NO_MSBUILD
    /// <summary>MSBuild task: patches every libLibTorchSharp.so under a folder when the system libstdc++ needs it.</summary>
    public class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
    {
        /// <summary>Folder searched recursively for libLibTorchSharp.so (an output or publish folder, never the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required]
        public string Folder { get; set; } = "";

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!Directory.Exists(Folder)) return true;
            var libstdcxx = ElfGlibcxxPatch.FindSystemLibStdCxx();
            if (libstdcxx == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "TorchSharpNativeFix: no system libstdc++ found; nothing to do.");
                return true;
            }
            var defined = ElfGlibcxxPatch.DefinedVersions(File.ReadAllBytes(libstdcxx));
            foreach (var path in Directory.EnumerateFiles(Folder, ElfGlibcxxPatch.WrapperFileName, SearchOption.AllDirectories))
            {
                try
                {
                    var outcome = ElfGlibcxxPatch.PatchFile(path, defined);
                    var importance = outcome == PatchOutcome.Patched
                        ? Microsoft.Build.Framework.MessageImportance.Normal
                        : Microsoft.Build.Framework.MessageImportance.Low;
                    Log.LogMessage(importance, $"TorchSharpNativeFix: {path}: {outcome}");
                }
                catch (InvalidDataException e)
                {
                    Log.LogWarning($"TorchSharpNativeFix: {path}: {e.Message}");
                }
            }
            return true;
        }
    }
#endif

    /// <summary>What <see cref="ElfGlibcxxPatch.PatchFile"/> did.</summary>
    public enum PatchOutcome
    {
        /// <summary>The system libstdc++ has every version the wrapper needs.</summary>
        NotNeeded,
        /// <summary>The file was patched by an earlier run.</summary>
        AlreadyPatched,
        /// <summary>The file was patched now.</summary>
        Patched,
    }

    /// <summary>
    /// Byte-level ELF64 edit that turns the wrapper's one GCC 13 only import,
    /// std::ios_base_library_init(), into a harmless unversioned call to getpid().
    /// No section changes size, so nothing else in the file moves.
    /// </summary>
    public static class ElfGlibcxxPatch
    {
        /// <summary>File name of TorchSharp's native wrapper on Linux.</summary>
        public const string WrapperFileName = "libLibTorchSharp.so";

        /// <summary>Imports that are safe to redirect: GCC 13 calls it from a static initialiser only to set up
        /// the standard streams, which the GCC 12 objects in the same process set up anyway.</summary>
        static readonly Dictionary<string, string> SafeRedirects = new Dictionary<string, string>
        {
            ["_ZSt21ios_base_library_initv"] = "getpid",
        };

        const uint ShtDynsym = 11, ShtDynamic = 6, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff, ShtVerdef = 0x6ffffffd;
        const ushort VerFlgWeak = 0x2;
        const ushort VerNdxGlobal = 1;

        /// <summary>The system's libstdc++.so.6, or null where none is in the usual places.</summary>
        public static string? FindSystemLibStdCxx()
        {
            string[] dirs =
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            };
            return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
        }

        /// <summary>Version names a shared library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30.</summary>
        public static HashSet<string> DefinedVersions(byte[] elf)
        {
            var file = new ElfFile(elf);
            var result = new HashSet<string>(StringComparer.Ordinal);
            var verdef = file.Sections.FirstOrDefault(s => s.Type == ShtVerdef);
            if (verdef == null) return result;
            var strtab = file.Sections[(int)verdef.Link];
            long at = verdef.Offset;
            for (int guard = 0; guard < 100000; guard++)
            {
                ushort cnt = file.U16(at + 6);
                uint aux = file.U32(at + 12), next = file.U32(at + 16);
                if (cnt > 0) result.Add(file.String(strtab, file.U32(at + aux)));
                if (next == 0) break;
                at += next;
            }
            return result;
        }

        /// <summary>Patches one wrapper file in place (via a temporary file and a rename, so a hard link into a
        /// package cache is never written through) when <paramref name="definedVersions"/> lacks a version it needs.</summary>
        public static PatchOutcome PatchFile(string path, ISet<string> definedVersions)
        {
            var bytes = File.ReadAllBytes(path);
            var outcome = Patch(bytes, definedVersions);
            if (outcome != PatchOutcome.Patched) return outcome;
            var temp = path + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.Replace(temp, path, null); // rename(2): atomic, and unlinks rather than writes through
            return outcome;
        }

        /// <summary>Patches an ELF image in memory; see <see cref="PatchFile"/>.</summary>
        public static PatchOutcome Patch(byte[] elf, ISet<string> definedVersions)
        {
            var file = new ElfFile(elf);
            var dynsym = file.Sections.FirstOrDefault(s => s.Type == ShtDynsym) ?? throw new InvalidDataException("no .dynsym section");
            var dynstr = file.Sections[(int)dynsym.Link];
            var versym = file.Sections.FirstOrDefault(s => s.Type == ShtVersym) ?? throw new InvalidDataException("no .gnu.version section");
            var verneed = file.Sections.FirstOrDefault(s => s.Type == ShtVerneed);
            if (verneed == null) return PatchOutcome.NotNeeded;

            var missing = new List<(long AuxOffset, ushort Index, string Name, ushort Flags)>();
            foreach (var aux in file.VersionNeeds(verneed))
            {
                var name = file.String(dynstr, aux.NameOffset);
                if (name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && !definedVersions.Contains(name))
                    missing.Add((aux.Offset, aux.Index, name, aux.Flags));
            }
            if (missing.Count == 0) return PatchOutcome.NotNeeded;
            if (missing.All(m => (m.Flags & VerFlgWeak) != 0)) return PatchOutcome.AlreadyPatched;

            int symbolCount = (int)(dynsym.Size / 24);
            var missingIndices = new HashSet<ushort>(missing.Select(m => m.Index));
            var edits = new List<(int Symbol, uint NameOffset, string Name)>();
            for (int i = 0; i < symbolCount; i++)
            {
                ushort ver = (ushort)(file.U16(versym.Offset + 2L * i) & 0x7fff);
                if (!missingIndices.Contains(ver)) continue;
                uint nameOffset = file.U32(dynsym.Offset + 24L * i);
                var name = file.String(dynstr, nameOffset);
                if (!SafeRedirects.ContainsKey(name))
                    throw new InvalidDataException($"symbol {name} needs {string.Join(", ", missing.Select(m => m.Name))}, which the system libstdc++ lacks; only a newer libstdc++ can fix that");
                edits.Add((i, nameOffset, name));
            }

            var otherNames = file.AllStringReferences(dynsym, dynstr, verneed).ToList();
            foreach (var edit in edits)
            {
                long start = edit.NameOffset, end = start + Encoding.ASCII.GetByteCount(edit.Name);
                if (otherNames.Any(o => o > start && o <= end))
                    throw new InvalidDataException($"another name shares the string of {edit.Name}; refusing to rename it");
                var replacement = Encoding.ASCII.GetBytes(SafeRedirects[edit.Name] + "\0");
                Array.Copy(replacement, 0, elf, dynstr.Offset + edit.NameOffset, replacement.Length);
                file.WriteU16(versym.Offset + 2L * edit.Symbol, VerNdxGlobal);
            }
            foreach (var m in missing)
                file.WriteU16(m.AuxOffset + 4, (ushort)(m.Flags | VerFlgWeak));
            return PatchOutcome.Patched;
        }

        /// <summary>A minimal little-endian ELF64 view over a byte array: section headers and the few tables we edit.</summary>
        sealed class ElfFile
        {
            readonly byte[] _b;
            public readonly List<Section> Sections = new List<Section>();

            public ElfFile(byte[] bytes)
            {
                _b = bytes;
                if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
                    throw new InvalidDataException("not an ELF file");
                if (bytes[4] != 2 || bytes[5] != 1) throw new InvalidDataException("not a little-endian ELF64 file");
                long shoff = (long)U64(0x28);
                ushort shentsize = U16(0x3A), shnum = U16(0x3C);
                if (shentsize != 64 || shoff <= 0 || shoff + (long)shnum * 64 > bytes.Length)
                    throw new InvalidDataException("section header table out of bounds");
                for (int i = 0; i < shnum; i++)
                {
                    long h = shoff + 64L * i;
                    var s = new Section(U32(h + 4), (long)U64(h + 24), (long)U64(h + 32), U32(h + 40));
                    if (s.Type != 8 /* NOBITS */ && (s.Offset < 0 || s.Offset + s.Size > bytes.Length))
                        throw new InvalidDataException($"section {i} out of bounds");
                    Sections.Add(s);
                }
            }

            public ushort U16(long at) { Check(at, 2); return (ushort)(_b[at] | _b[at + 1] << 8); }
            public uint U32(long at) { Check(at, 4); return BitConverter.ToUInt32(_b, (int)at); }
            public ulong U64(long at) { Check(at, 8); return BitConverter.ToUInt64(_b, (int)at); }
            public void WriteU16(long at, ushort v) { Check(at, 2); _b[at] = (byte)v; _b[at + 1] = (byte)(v >> 8); }

            void Check(long at, int n)
            {
                if (at < 0 || at + n > _b.Length) throw new InvalidDataException($"read at {at} past the end of the file");
            }

            public string String(Section strtab, uint offset)
            {
                long start = strtab.Offset + offset, end = start;
                long limit = strtab.Offset + strtab.Size;
                if (start >= limit) throw new InvalidDataException($"string offset {offset} outside its table");
                while (end < limit && _b[end] != 0) end++;
                return Encoding.ASCII.GetString(_b, (int)start, (int)(end - start));
            }

            public IEnumerable<(long Offset, ushort Flags, ushort Index, uint NameOffset)> VersionNeeds(Section verneed)
            {
                long at = verneed.Offset;
                for (int guard = 0; guard < 10000; guard++)
                {
                    ushort cnt = U16(at + 2);
                    uint aux = U32(at + 8), next = U32(at + 12);
                    long a = at + aux;
                    for (int j = 0; j < cnt; j++)
                    {
                        yield return (a, U16(a + 4), U16(a + 6), U32(a + 8));
                        uint anext = U32(a + 12);
                        if (anext == 0) break;
                        a += anext;
                    }
                    if (next == 0) yield break;
                    at += next;
                }
            }

            /// <summary>Every .dynstr offset the dynamic linker may read: symbol names, version-need file and
            /// version names, and the string entries of the dynamic section.</summary>
            public IEnumerable<long> AllStringReferences(Section dynsym, Section dynstr, Section verneed)
            {
                for (long i = 0; i < dynsym.Size / 24; i++) yield return U32(dynsym.Offset + 24 * i);
                long at = verneed.Offset;
                for (int guard = 0; guard < 10000; guard++)
                {
                    yield return U32(at + 4);
                    uint next = U32(at + 12);
                    if (next == 0) break;
                    at += next;
                }
                foreach (var aux in VersionNeeds(verneed)) yield return aux.NameOffset;
                foreach (var dyn in Sections.Where(s => s.Type == ShtDynamic && s.Link == Sections.IndexOf(dynstr)))
                {
                    for (long e = dyn.Offset; e + 16 <= dyn.Offset + dyn.Size; e += 16)
                    {
                        long tag = (long)U64(e);
                        if (tag == 1 || tag == 14 || tag == 15 || tag == 29) yield return (long)U64(e + 8);
                    }
                }
            }
        }

        sealed class Section
        {
            public Section(uint type, long offset, long size, uint link) { Type = type; Offset = offset; Size = size; Link = link; }
            public uint Type { get; }
            public long Offset { get; }
            public long Size { get; }
            public uint Link { get; }
        }
    }
}
