import SpeedscaleIstio
import SpliceYAML

/// Reads configuration text as `.speedscale-istio.yaml` named `c.yaml`.
enum ConfigurationText {
    /// The configuration `text` sets.
    static func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration {
        try LintConfiguration.parse(YAMLSource(text), file: "c.yaml")
    }

    /// The error `text` gives, as printed, or `no error`.
    static func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }
}
