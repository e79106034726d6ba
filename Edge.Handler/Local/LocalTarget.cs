using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Local;

/// <summary>
/// The local target's simulated AWS, loaded from disk or seeded. Local sits between Publishing and Simulation
/// and references no Publishing type, so the folders form no cycle (its <c>Target</c> is <c>Target.ForLocal</c>).
/// </summary>
public static class LocalTarget
{
    public const string Name = "local";

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
