using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Local;

/// <summary>The local target: its <see cref="Target"/> and its simulated AWS, loaded from disk or seeded.</summary>
public static class LocalTarget
{
    public const string Name = "local";

    public static Target Describe(LocalTargetOptions options) => new()
    {
        Name = Name,
        Kind = TargetKind.Local,
        FunctionName = options.FunctionName,
        DistributionId = options.DistributionId,
    };

    /// <summary>Loads the simulation saved under <see cref="LocalTargetOptions.Directory"/>, or seeds and saves a new one.</summary>
    public static LocalAws Open(LocalTargetOptions options, TimeProvider timeProvider)
    {
        var simulation = new AwsSimulation(
            new SimulationOptions { PropagationDelay = options.PropagationDelay, InvalidationDelay = options.InvalidationDelay },
            timeProvider);
        var local = new LocalAws(simulation, options.Directory);
        if (File.Exists(local.SnapshotPath))
        {
            simulation.LoadFrom(local.SnapshotPath);
            if (LocalSeed.Upgrade(simulation, options.FunctionName, options.DistributionId))
            {
                local.Save();
            }
        }
        else
        {
            LocalSeed.Apply(simulation, options.FunctionName, options.DistributionId);
            local.Save();
        }
        return local;
    }
}
