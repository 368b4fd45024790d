namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Training budget of one level of a model bundle, read from its checkpoint header.</summary>
public sealed record LevelTraining(string Checkpoint, string Kind, int Level, long Step, double TrainingSeconds, int Threads, long SamplesPerStep);
