#compdef kubectl-speedscale_istio

__kubectl-speedscale_istio_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__kubectl-speedscale_istio_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __kubectl-speedscale_istio_complete "${completions[@]:0:-1}"
    fi
}

__kubectl-speedscale_istio_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_kubectl-speedscale_istio() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'inject:Add the Speedscale sidecar'\''s Istio configuration to workload manifests.'
            'uninject:Remove what inject adds: the Speedscale annotations, the proxy variables and the Sidecar egress host.'
            'lint:Check manifests for Speedscale-in-Istio mistakes, with file, line and column.'
            'explain:Explain a lint rule: what it checks, why, how to fix it, and examples.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        inject|uninject|lint|explain|help)
            "_kubectl-speedscale_istio_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kubectl-speedscale_istio_inject() {
    local -i ret=1
    local -ar ___mode=('dual' 'transparent')
    local -ar ___protocol=('http' 'socks5' 'socks4')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___report=('text' 'json')
    local -ar arg_specs=(
        '*'{-f,--filename}'[A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.]:path:'
        '(-R --recursive)'{-R,--recursive}'[Also read the subdirectories of -f directories.]'
        '*--exclude[Skip what matches this glob in -f directories (repeatable)\: a name at any depth ('\''*_test.yaml'\'', '\''charts'\'') or a path from the directory ('\''charts/**'\'', '\''overlays/*/secret.yaml'\''); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.]:glob:'
        '--max-input-size[Refuse a file, or standard input, larger than this\: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).]:size:'
        '(-l --selector)'{-l,--selector}'[Only workloads whose metadata.labels match this selector (kubectl syntax\: app=web,tier!=db, env in (a,b), !legacy).]:selector:'
        '--mode[The profile\: dual (reverse + forward proxy, the default) or transparent (operator v1.4.227 and later).]:mode:{__kubectl-speedscale_istio_complete "${___mode[@]}"}'
        '--proxy-port[The port the app listens on (proxy-port). Default\: the app container'\''s single containerPort.]:port:'
        '--container[The app container'\''s name. Default\: inferred.]:name:'
        '--protocol[The forward proxy protocol\: http, socks5 or socks4.]:protocol:{__kubectl-speedscale_istio_complete "${___protocol[@]}"}'
        '--proxy-host[Where the reverse proxy forwards inbound traffic (proxy-host).]:host:'
        '--tls-out[Enable outbound TLS interception (tls-out).]'
        '--lowercase-env[Also write http_proxy and https_proxy.]'
        '--no-proxy[Hosts for NO_PROXY, comma-separated; merged with an existing value.]:hosts:'
        '--istio-cni[Add sidecar.speedscale.com/istio-cni\: "true" (Istio installed with its CNI agent).]'
        '--outbound-port[The sidecar'\''s outbound (forward proxy) port.]:port:'
        '--proxy-env-host[The host in HTTP_PROXY / HTTPS_PROXY.]:host:'
        '--speedscale-namespace[The namespace Speedscale runs in.]:namespace:'
        '--no-sidecar-egress[Leave Istio Sidecar egress hosts alone.]'
        '--overwrite[Replace conflicting annotation and variable values instead of failing.]'
        '--skip-failed[Leave workloads that cannot be injected unchanged and write the rest, instead of failing the run.]'
        '(-i --in-place)'{-i,--in-place}'[Rewrite the files that change, atomically, instead of writing to standard output.]'
        '--break-hardlinks[With --in-place, also replace files that have other hard links (those names keep the old content).]'
        '--diff[Write a unified diff per changed file (for patch -p1 or git apply) instead of the manifests.]'
        '--check[Change nothing; exit 1 and list the files and objects when something would change.]'
        '--color[Colour the diff\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__kubectl-speedscale_istio_complete "${___color[@]}"}'
        '(-q --quiet)'{-q,--quiet}'[Report only failures.]'
        '--report[The report'\''s format on standard error\: text or json.]:format:{__kubectl-speedscale_istio_complete "${___report[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kubectl-speedscale_istio_uninject() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___report=('text' 'json')
    local -ar arg_specs=(
        '*'{-f,--filename}'[A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.]:path:'
        '(-R --recursive)'{-R,--recursive}'[Also read the subdirectories of -f directories.]'
        '*--exclude[Skip what matches this glob in -f directories (repeatable)\: a name at any depth ('\''*_test.yaml'\'', '\''charts'\'') or a path from the directory ('\''charts/**'\'', '\''overlays/*/secret.yaml'\''); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.]:glob:'
        '--max-input-size[Refuse a file, or standard input, larger than this\: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).]:size:'
        '(-l --selector)'{-l,--selector}'[Only workloads whose metadata.labels match this selector (kubectl syntax\: app=web,tier!=db, env in (a,b), !legacy).]:selector:'
        '--outbound-port[The sidecar'\''s outbound (forward proxy) port.]:port:'
        '--proxy-env-host[The host in HTTP_PROXY / HTTPS_PROXY.]:host:'
        '--speedscale-namespace[The namespace Speedscale runs in.]:namespace:'
        '--no-sidecar-egress[Leave Istio Sidecar egress hosts alone.]'
        '(-i --in-place)'{-i,--in-place}'[Rewrite the files that change, atomically, instead of writing to standard output.]'
        '--break-hardlinks[With --in-place, also replace files that have other hard links (those names keep the old content).]'
        '--diff[Write a unified diff per changed file (for patch -p1 or git apply) instead of the manifests.]'
        '--check[Change nothing; exit 1 and list the files and objects when something would change.]'
        '--color[Colour the diff\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__kubectl-speedscale_istio_complete "${___color[@]}"}'
        '(-q --quiet)'{-q,--quiet}'[Report only failures.]'
        '--report[The report'\''s format on standard error\: text or json.]:format:{__kubectl-speedscale_istio_complete "${___report[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kubectl-speedscale_istio_lint() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'sarif')
    local -ar ___fail_on=('error' 'warning' 'info' 'none')
    local -ar ___min_severity=('info' 'warning' 'error')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '*'{-f,--filename}'[A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.]:path:'
        '(-R --recursive)'{-R,--recursive}'[Also read the subdirectories of -f directories.]'
        '*--exclude[Skip what matches this glob in -f directories (repeatable)\: a name at any depth ('\''*_test.yaml'\'', '\''charts'\'') or a path from the directory ('\''charts/**'\'', '\''overlays/*/secret.yaml'\''); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.]:glob:'
        '--max-input-size[Refuse a file, or standard input, larger than this\: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).]:size:'
        '--format[The report format\: text, json or sarif.]:format:{__kubectl-speedscale_istio_complete "${___format[@]}"}'
        '(-o --output)'{-o,--output}'[Write the report to this file instead of standard output.]:file:'
        '--fail-on[Exit 1 when a finding at or above this severity is reported\: error, warning, info or none.]:fail-on:{__kubectl-speedscale_istio_complete "${___fail_on[@]}"}'
        '--min-severity[Report only findings at or above this severity\: error, warning or info.]:min-severity:{__kubectl-speedscale_istio_complete "${___min_severity[@]}"}'
        '--config[The configuration file (default\: .speedscale-istio.yaml in the working directory or the git root).]:file:'
        '--color[Colour the text report\: auto (on a terminal, unless NO_COLOR is set), always or never.]:color:{__kubectl-speedscale_istio_complete "${___color[@]}"}'
        '--list-rules[Print the rule catalogue (text or json) and exit.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kubectl-speedscale_istio_explain() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kubectl-speedscale_istio_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _kubectl-speedscale_istio ]]; then
    _kubectl-speedscale_istio "${@}"
else
    compdef _kubectl-speedscale_istio kubectl-speedscale_istio
fi
