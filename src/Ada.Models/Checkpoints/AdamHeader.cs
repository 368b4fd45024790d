namespace Ada.Models;

/// <summary>Adam hyper-parameters and step count stored beside the moments, so a resumed run continues exactly.</summary>
public sealed record AdamHeader(long Step, double LearningRate, double Beta1, double Beta2, double Epsilon);
