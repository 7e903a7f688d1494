// The `kubectl-speedscale_istio` executable: everything lives in SpeedscaleIstioCLI.
import SpeedscaleIstioCLI

Entry.main()
