/// The lint rule catalogue, in the order `--list-rules` prints it. It feeds `lint`,
/// `lint --list-rules` and `explain`. A test checks that every rule type in the sources is here.
public enum RuleRegistry {
    /// Every lint rule type.
    public static let rules: [any Rule.Type] = [
        // Annotations
        AnnotationValueNotStringRule.self,
        PodTemplateAnnotationRule.self,
        UnknownAnnotationKeyRule.self,
        LegacyAnnotationKeyRule.self,
        InjectValueRule.self,
        CaptureModeValueRule.self,
        ProxyTypeValueRule.self,
        ProxyProtocolValueRule.self,
        ProxyProtocolMatrixRule.self,
        IgnoredProxyAnnotationRule.self,
        DefaultProxyPortRule.self,
        ProxyPortNotDeclaredRule.self,
        ProxyPortClashRule.self,
        TransparentOnlyAnnotationRule.self,
        // TLS, exclusivity and operator artifacts
        SidecarWithEBPFCaptureRule.self,
        KubeAPISupportWithoutTLSOutRule.self,
        JavaToolOptionsWithoutTLSOutRule.self,
        JavaToolOptionsBothSetRule.self,
        TLSKeyPathWithoutSecretRule.self,
        OperatorArtifactRule.self,
        TLSSecretKeyRule.self,
        IncompleteProfileRule.self,
        // Proxy environment
        MissingProxyEnvironmentRule.self,
        ProxyPortMismatchRule.self,
        ProxyHostNotLoopbackRule.self,
        ProxySchemeMismatchRule.self,
        HTTPSProxySchemeRule.self,
        OneProxyVariableRule.self,
        CaseVariantsDisagreeRule.self,
        NoProxyWildcardRule.self,
        NoProxyClusterSuffixRule.self,
        KubernetesAPIThroughProxyRule.self,
        JavaIgnoresProxyVariablesRule.self,
        JavaOptsOnlyRule.self,
        JavaToolOptionsOverriddenRule.self,
        NodeProxyVariablesRule.self,
        GlobalAgentWithSocksRule.self,
        DuplicateEnvRule.self,
        PartialCaptureRule.self,
        ProxyWithoutSidecarRule.self,
        Socks4WithGoRule.self,
        // TLS trust
        JavaTrustStoreMissingRule.self,
        CustomTrustStoreRule.self,
        TrustStorePasswordRule.self,
        CABundleVariableRule.self,
        PythonCABundleRule.self,
        KnownCAMountConflictRule.self,
        SpeedscaleJKSAbsentRule.self,
        // Istio
        DualModeNotRequiredRule.self,
        IstioCNIAnnotationRule.self,
        SidecarEgressRule.self,
        MeshWideSidecarEgressRule.self,
        MalformedEgressHostRule.self,
        RedundantEgressHostRule.self,
        ConflictingSidecarsRule.self,
        AmbientNamespaceSidecarRule.self,
        NamespaceInjectionLabelsRule.self,
        MisplacedIstioSettingRule.self,
        IstioReservedPortRule.self,
        EnvoyUIDRule.self,
        ExcludedSidecarPortRule.self,
        ProxyStartupOrderRule.self,
        ShortVirtualServiceHostRule.self,
        GatewayVirtualServiceRule.self,
        IstioAPIVersionRule.self,
        SidecarSelectsReverseProxyRule.self,
        ServiceTargetsSidecarPortRule.self,
        // Suppressions
        SuppressionWithoutReasonRule.self,
        UnknownSuppressedRuleRule.self,
        // YAML structure
        DuplicateKeyRule.self,
    ]

    /// The IDs of every rule.
    public static var ids: [String] { rules.map { $0.description.id } }

    /// The rule with `id` (case-insensitive).
    public static func rule(_ id: String) -> (any Rule.Type)? {
        rules.first { $0.description.id == id.uppercased() }
    }
}
