using System.Globalization;
using System.Xml.Linq;

namespace EdgePortal.Edge.Simulation;

/// <summary>CloudFront's structural checks on a DistributionConfig: every Quantity matches its Items.</summary>
internal static class ConfigRules
{
    public static void CheckQuantities(XElement config)
    {
        var ns = XNamespace.Get(CloudFrontSimulation.Namespace);
        foreach (var quantity in config.Descendants(ns + "Quantity"))
        {
            var parent = quantity.Parent!;
            if (!int.TryParse(quantity.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            {
                throw SimulationException.CloudFront("MalformedXML", $"Quantity in {parent.Name.LocalName} must be a whole number; found '{quantity.Value}'.", 400);
            }

            var actual = parent.Element(ns + "Items")?.Elements().Count() ?? 0;
            if (actual != expected)
            {
                throw SimulationException.CloudFront("InconsistentQuantities",
                    $"The value of Quantity and the size of Items don't match (in {parent.Name.LocalName}: Quantity {expected}, {actual} items).", 400);
            }
        }
    }
}
