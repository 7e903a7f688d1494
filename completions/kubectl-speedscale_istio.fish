function __kubectl-speedscale_istio_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubectl-speedscale_istio_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kubectl-speedscale_istio_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubectl-speedscale_istio_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kubectl-speedscale_istio_parse_tokens -S
    set -l unparsed_tokens (__kubectl-speedscale_istio_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kubectl-speedscale_istio'
        __kubectl-speedscale_istio_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'inject'
            __kubectl-speedscale_istio_parse_subcommand 0 'f/filename=+' 'R/recursive' 'exclude=+' 'max-input-size=' 'l/selector=' 'mode=' 'proxy-port=' 'container=' 'protocol=' 'proxy-host=' 'tls-out' 'lowercase-env' 'no-proxy=' 'istio-cni' 'outbound-port=' 'proxy-env-host=' 'speedscale-namespace=' 'no-sidecar-egress' 'overwrite' 'skip-failed' 'i/in-place' 'break-hardlinks' 'diff' 'check' 'color=' 'q/quiet' 'report=' 'version' 'h/help'
        case 'uninject'
            __kubectl-speedscale_istio_parse_subcommand 0 'f/filename=+' 'R/recursive' 'exclude=+' 'max-input-size=' 'l/selector=' 'outbound-port=' 'proxy-env-host=' 'speedscale-namespace=' 'no-sidecar-egress' 'i/in-place' 'break-hardlinks' 'diff' 'check' 'color=' 'q/quiet' 'report=' 'version' 'h/help'
        case 'lint'
            __kubectl-speedscale_istio_parse_subcommand 0 'f/filename=+' 'R/recursive' 'exclude=+' 'max-input-size=' 'format=' 'o/output=' 'fail-on=' 'min-severity=' 'config=' 'color=' 'list-rules' 'version' 'h/help'
        case 'explain'
            __kubectl-speedscale_istio_parse_subcommand 1 'version' 'h/help'
        case 'help'
            __kubectl-speedscale_istio_parse_subcommand -r 1 'version'
        end
    end
end

function __kubectl-speedscale_istio_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kubectl-speedscale_istio_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kubectl-speedscale_istio_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kubectl-speedscale_istio_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kubectl-speedscale_istio_tokens -p)
    if test -z "$(__kubectl-speedscale_istio_tokens -t)"
        set -l index (count (__kubectl-speedscale_istio_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kubectl-speedscale_istio' -f
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_positional "kubectl-speedscale_istio" -eq 1' -fa 'inject' -d 'Add the Speedscale sidecar\'s Istio configuration to workload manifests.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_positional "kubectl-speedscale_istio" -eq 1' -fa 'uninject' -d 'Remove what inject adds: the Speedscale annotations, the proxy variables and the Sidecar egress host.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_positional "kubectl-speedscale_istio" -eq 1' -fa 'lint' -d 'Check manifests for Speedscale-in-Istio mistakes, with file, line and column.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_positional "kubectl-speedscale_istio" -eq 1' -fa 'explain' -d 'Explain a lint rule: what it checks, why, how to fix it, and examples.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_positional "kubectl-speedscale_istio" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject"' -s 'f' -l 'filename' -d 'A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" R recursive' -s 'R' -l 'recursive' -d 'Also read the subdirectories of -f directories.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject"' -l 'exclude' -d 'Skip what matches this glob in -f directories (repeatable): a name at any depth (\'*_test.yaml\', \'charts\') or a path from the directory (\'charts/**\', \'overlays/*/secret.yaml\'); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" max-input-size' -l 'max-input-size' -d 'Refuse a file, or standard input, larger than this: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" l selector' -s 'l' -l 'selector' -d 'Only workloads whose metadata.labels match this selector (kubectl syntax: app=web,tier!=db, env in (a,b), !legacy).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" mode' -l 'mode' -d 'The profile: dual (reverse + forward proxy, the default) or transparent (operator v1.4.227 and later).' -rfka 'dual transparent'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" proxy-port' -l 'proxy-port' -d 'The port the app listens on (proxy-port). Default: the app container\'s single containerPort.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" container' -l 'container' -d 'The app container\'s name. Default: inferred.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" protocol' -l 'protocol' -d 'The forward proxy protocol: http, socks5 or socks4.' -rfka 'http socks5 socks4'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" proxy-host' -l 'proxy-host' -d 'Where the reverse proxy forwards inbound traffic (proxy-host).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" tls-out' -l 'tls-out' -d 'Enable outbound TLS interception (tls-out).'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" lowercase-env' -l 'lowercase-env' -d 'Also write http_proxy and https_proxy.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" no-proxy' -l 'no-proxy' -d 'Hosts for NO_PROXY, comma-separated; merged with an existing value.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" istio-cni' -l 'istio-cni' -d 'Add sidecar.speedscale.com/istio-cni: "true" (Istio installed with its CNI agent).'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" outbound-port' -l 'outbound-port' -d 'The sidecar\'s outbound (forward proxy) port.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" proxy-env-host' -l 'proxy-env-host' -d 'The host in HTTP_PROXY / HTTPS_PROXY.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" speedscale-namespace' -l 'speedscale-namespace' -d 'The namespace Speedscale runs in.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" no-sidecar-egress' -l 'no-sidecar-egress' -d 'Leave Istio Sidecar egress hosts alone.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" overwrite' -l 'overwrite' -d 'Replace conflicting annotation and variable values instead of failing.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" skip-failed' -l 'skip-failed' -d 'Leave workloads that cannot be injected unchanged and write the rest, instead of failing the run.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" i in-place' -s 'i' -l 'in-place' -d 'Rewrite the files that change, atomically, instead of writing to standard output.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" break-hardlinks' -l 'break-hardlinks' -d 'With --in-place, also replace files that have other hard links (those names keep the old content).'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" diff' -l 'diff' -d 'Write a unified diff per changed file (for patch -p1 or git apply) instead of the manifests.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" check' -l 'check' -d 'Change nothing; exit 1 and list the files and objects when something would change.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" color' -l 'color' -d 'Colour the diff: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" q quiet' -s 'q' -l 'quiet' -d 'Report only failures.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" report' -l 'report' -d 'The report\'s format on standard error: text or json.' -rfka 'text json'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio inject" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject"' -s 'f' -l 'filename' -d 'A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" R recursive' -s 'R' -l 'recursive' -d 'Also read the subdirectories of -f directories.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject"' -l 'exclude' -d 'Skip what matches this glob in -f directories (repeatable): a name at any depth (\'*_test.yaml\', \'charts\') or a path from the directory (\'charts/**\', \'overlays/*/secret.yaml\'); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" max-input-size' -l 'max-input-size' -d 'Refuse a file, or standard input, larger than this: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" l selector' -s 'l' -l 'selector' -d 'Only workloads whose metadata.labels match this selector (kubectl syntax: app=web,tier!=db, env in (a,b), !legacy).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" outbound-port' -l 'outbound-port' -d 'The sidecar\'s outbound (forward proxy) port.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" proxy-env-host' -l 'proxy-env-host' -d 'The host in HTTP_PROXY / HTTPS_PROXY.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" speedscale-namespace' -l 'speedscale-namespace' -d 'The namespace Speedscale runs in.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" no-sidecar-egress' -l 'no-sidecar-egress' -d 'Leave Istio Sidecar egress hosts alone.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" i in-place' -s 'i' -l 'in-place' -d 'Rewrite the files that change, atomically, instead of writing to standard output.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" break-hardlinks' -l 'break-hardlinks' -d 'With --in-place, also replace files that have other hard links (those names keep the old content).'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" diff' -l 'diff' -d 'Write a unified diff per changed file (for patch -p1 or git apply) instead of the manifests.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" check' -l 'check' -d 'Change nothing; exit 1 and list the files and objects when something would change.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" color' -l 'color' -d 'Colour the diff: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" q quiet' -s 'q' -l 'quiet' -d 'Report only failures.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" report' -l 'report' -d 'The report\'s format on standard error: text or json.' -rfka 'text json'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio uninject" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint"' -s 'f' -l 'filename' -d 'A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" R recursive' -s 'R' -l 'recursive' -d 'Also read the subdirectories of -f directories.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint"' -l 'exclude' -d 'Skip what matches this glob in -f directories (repeatable): a name at any depth (\'*_test.yaml\', \'charts\') or a path from the directory (\'charts/**\', \'overlays/*/secret.yaml\'); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" max-input-size' -l 'max-input-size' -d 'Refuse a file, or standard input, larger than this: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" format' -l 'format' -d 'The report format: text, json or sarif.' -rfka 'text json sarif'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" o output' -s 'o' -l 'output' -d 'Write the report to this file instead of standard output.' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" fail-on' -l 'fail-on' -d 'Exit 1 when a finding at or above this severity is reported: error, warning, info or none.' -rfka 'error warning info none'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" min-severity' -l 'min-severity' -d 'Report only findings at or above this severity: error, warning or info.' -rfka 'info warning error'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" config' -l 'config' -d 'The configuration file (default: .speedscale-istio.yaml in the working directory or the git root).' -rfka ''
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" color' -l 'color' -d 'Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" list-rules' -l 'list-rules' -d 'Print the rule catalogue (text or json) and exit.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio explain" version' -l 'version' -d 'Show the version.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio explain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubectl-speedscale_istio' -n '__kubectl-speedscale_istio_should_offer_completions_for_flags_or_options "kubectl-speedscale_istio help" version' -l 'version' -d 'Show the version.'
