using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>A training run as read from a JSON file under configs/: model, data and training sections.</summary>
public sealed record RunConfig(
    [property: JsonProperty(Required = Required.Always)] string Name,
    [property: JsonProperty(Required = Required.Always)] ModelConfig Model,
    [property: JsonProperty(Required = Required.Always)] DataConfig Data,
    [property: JsonProperty(Required = Required.Always)] TrainingConfig Training)
{
    /// <summary>Checks ranges and cross-field rules; throws <see cref="ConfigException"/> naming the key path.</summary>
    public RunConfig Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ConfigException("name must not be empty");
        Model.Validate("model");
        Data.Validate(Model, "data");
        Training.Validate("training");
        if (Training.EvalInterval > 0 && string.IsNullOrWhiteSpace(Data.HoldoutSplit))
            throw new ConfigException("training.evalInterval needs data.holdoutSplit (e.g. \"validation\") to evaluate on");
        return this;
    }
}
