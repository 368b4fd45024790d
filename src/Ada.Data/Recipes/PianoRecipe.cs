namespace Ada.Data;

/// <summary>
/// Solo-piano corpus: General MIDI files from freedoom (WAD music lumps), planetblupi-music-midi and
/// openttd-openmsx, collapsed onto program 0 without drums, rendered with FluidSynth (FluidR3_GM),
/// mixed to mono with sox and trimmed of leading/trailing silence. The rewritten MIDI is kept next to
/// each WAV, with the leading trim recorded, so MIDI note times map onto audio samples.
/// Test = openttd-openmsx (other composers); validation = ~8 % of the remaining pieces by hash order.
/// </summary>
public sealed class PianoRecipe : IDataRecipe
{
    private const string Freedoom = "freedoom";
    private const string PlanetBlupi = "planetblupi-music-midi";
    private const string OpenMsx = "openttd-openmsx";
    private const double ValidationFraction = 0.08;

    /// <inheritdoc />
    public string Name => "piano";

    /// <inheritdoc />
    public string Settings =>
        $"piano/1: MIDI program {PianoMidiRewriter.PianoProgram} on every melodic channel, channel {PianoMidiRewriter.DrumChannel}, bank selects and SysEx dropped; " +
        $"fluidsynth -r {AudioFormat.SampleRate} -g {AudioTools.FluidSynthGain} {Path.GetFileName(AudioTools.SoundFont)}; sox -R -D mono PCM16; " +
        $"trim |x| <= {SilenceTrimmer.DefaultThreshold}; min {MinimumSeconds} s; test {OpenMsx}; validation {ValidationFraction:P0} by sha256(id)";

    /// <inheritdoc />
    public IReadOnlyList<string> RequiredPackages => [Freedoom, PlanetBlupi, OpenMsx, "fluidsynth", "fluid-soundfont-gm", "sox", "libsox-fmt-base"];

    /// <inheritdoc />
    public double MinimumSeconds => 5;

    /// <inheritdoc />
    public IReadOnlyList<SourcePiece> LocateSources(IDebianPackages packages) =>
        FreedoomPieces(packages)
            .Concat(RecipeLayout.FilePieces(packages, PlanetBlupi, ".mid", "planetblupi"))
            .Concat(RecipeLayout.FilePieces(packages, OpenMsx, ".mid", "openmsx"))
            .ToList();

    /// <inheritdoc />
    public ConvertedAudio Convert(SourcePiece piece, string recipeDirectory, CancellationToken cancellation)
    {
        var midi = PianoMidiRewriter.Rewrite(piece.Content ?? File.ReadAllBytes(piece.SourcePath), Describe(piece));
        var work = RecipeLayout.WorkDirectory(recipeDirectory);
        var audio = RecipeLayout.AudioDirectory(recipeDirectory);
        var workMidi = Path.Combine(work, piece.Id + ".mid");
        var rendered = Path.Combine(work, piece.Id + ".render.wav");
        var mono = Path.Combine(work, piece.Id + ".mono.wav");
        try
        {
            AtomicFile.WriteAllBytes(workMidi, midi);
            AudioTools.RenderMidi(workMidi, rendered, cancellation);
            AudioTools.ToPcm16Mono(rendered, mono, cancellation);
            var samples = Pcm16Wav.ReadAll(mono);
            var (start, end) = SilenceTrimmer.AudibleRange(samples);
            Pcm16Wav.Write(Path.Combine(audio, piece.Id + ".wav"), samples.AsSpan(start, end - start));
            AtomicFile.Commit(workMidi, Path.Combine(audio, piece.Id + ".mid"));
            return new ConvertedAudio(RecipeLayout.RelativeAudioPath(piece.Id + ".wav"),
                RecipeLayout.RelativeAudioPath(piece.Id + ".mid"), end - start, start);
        }
        finally
        {
            RecipeLayout.DeleteIfExists(workMidi);
            RecipeLayout.DeleteIfExists(rendered);
            RecipeLayout.DeleteIfExists(mono);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DataSplit> AssignSplits(IReadOnlyList<SourcePiece> kept)
    {
        var candidates = kept.Select(p => new SplitCandidate(p.Id, p.Package == OpenMsx ? DataSplit.Test : null)).ToList();
        int free = candidates.Count(c => c.Fixed is null);
        return PieceSplitter.Assign(candidates, testCount: 0, PieceSplitter.Fraction(free, ValidationFraction));
    }

    /// <summary>MIDI lumps of every freedoom WAD; identical lumps (same SHA-256) are kept once, first WAD first.</summary>
    private static IEnumerable<SourcePiece> FreedoomPieces(IDebianPackages packages)
    {
        var seen = new HashSet<string>();
        foreach (var wad in RecipeLayout.PackageFiles(packages, Freedoom, ".wad"))
        {
            foreach (var (lump, data) in WadReader.ReadMidiLumps(wad))
            {
                var sha = Hashing.Sha256Hex(data);
                if (seen.Add(sha))
                    yield return new SourcePiece(RecipeLayout.MakeId(Path.GetFileNameWithoutExtension(wad), lump.Name),
                        Freedoom, wad, lump.Name, sha, data);
            }
        }
    }

    private static string Describe(SourcePiece piece) =>
        piece.SourceMember is null ? piece.SourcePath : $"{piece.SourcePath} (lump {piece.SourceMember})";
}
