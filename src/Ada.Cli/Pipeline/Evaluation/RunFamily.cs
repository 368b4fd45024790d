using System.Text.RegularExpressions;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Runs that differ only in their seed, recognised by the name convention "&lt;family&gt;-s&lt;seed&gt;" of configs/eval.</summary>
public sealed record RunFamily(string Name, IReadOnlyList<LevelEvaluation> Runs)
{
    static readonly Regex SeedSuffix = new(@"^(?<family>.+)-s(?<seed>\d+)$");

    /// <summary>The first run, whose settings (kind, hop, weights) every run of the family shares.</summary>
    public LevelEvaluation First => Runs[0];

    /// <summary>Groups seeded level-1 ADA runs into families (runs sorted by seed); everything else is left out.</summary>
    public static IReadOnlyList<RunFamily> Group(IEnumerable<LevelEvaluation> evaluations) =>
        evaluations.Where(e => e.Level == 1 && e.Codes != null && SeedSuffix.IsMatch(e.Name))
            .GroupBy(e => SeedSuffix.Match(e.Name).Groups["family"].Value)
            .Select(g => new RunFamily(g.Key, g.OrderBy(e => e.TrainSeed).ToList()))
            .OrderBy(f => f.First.Hop).ThenBy(f => f.First.Kind, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>"AMAE, w = 0.01" or "VQ-VAE, β = 0.25".</summary>
    public string Quantiser => First.Kind == Ada.Models.ModelKind.AdaVq
        ? $"VQ-VAE, β = {First.CommitmentBeta:G3}"
        : $"AMAE, w = {First.DiversityWeight:G3}";
}
