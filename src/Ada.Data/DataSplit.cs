namespace Ada.Data;

/// <summary>Which part of a dataset a piece belongs to; a piece is in exactly one.</summary>
public enum DataSplit
{
    /// <summary>Used for training.</summary>
    Train,
    /// <summary>Used for model selection and validation NLL during training.</summary>
    Validation,
    /// <summary>Held out until the final evaluation.</summary>
    Test,
}
