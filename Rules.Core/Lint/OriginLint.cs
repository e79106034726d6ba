using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Origin rules whose protocol and port belong to the other protocol: the connection fails at the origin.</summary>
internal static class OriginLint
{
    private const int HttpPort = 80;

    public static void Check(OriginRule rule, string pointer, List<LintWarning> warnings)
    {
        var subject = DocumentLinter.Subject(RuleSection.Origins, rule);
        var port = rule.EffectivePort;
        // The default port is 443 whatever the protocol, so "protocol: http" alone lands here.
        if (rule.EffectiveProtocol == OriginProtocol.Http && port == OriginRule.DefaultPort)
        {
            warnings.Add(new LintWarning(LintCodes.OriginPortMismatch, pointer + "/port",
                $"{subject} sends plain http to port 443{(rule.Port is null ? " (the default)" : "")}, where origins answer https: set port {HttpPort} (or the port the origin serves http on).",
                RuleSection.Origins, rule.Id));
        }
        else if (rule.EffectiveProtocol == OriginProtocol.Https && port == HttpPort)
        {
            warnings.Add(new LintWarning(LintCodes.OriginPortMismatch, pointer + "/port",
                $"{subject} sends https to port 80, where origins answer plain http: leave port out for 443 (or set the port the origin serves https on).",
                RuleSection.Origins, rule.Id));
        }
    }
}
