using EdgePortal.Edge.Publishing;
using MudBlazor;

namespace EdgePortal.Portal.Components.Publishing;

/// <summary>How a deployment's state looks wherever deployments are listed.</summary>
public static class DeploymentText
{
    public static Color ColorOf(Deployment deployment) => deployment.DeploymentUnconfirmed && deployment.IsFinished ? Color.Warning : deployment.State switch
    {
        DeploymentState.Succeeded => Color.Success,
        DeploymentState.Failed => Color.Error,
        DeploymentState.Running => Color.Info,
        _ => Color.Default,
    };
}
