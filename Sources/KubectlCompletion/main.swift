// The `kubectl_complete-speedscale_istio` executable: kubectl runs it with the words typed
// after `kubectl speedscale-istio` to complete the last one. Everything lives in SpeedscaleIstioCLI.
import SpeedscaleIstioCLI

Entry.complete(Array(CommandLine.arguments.dropFirst()))
