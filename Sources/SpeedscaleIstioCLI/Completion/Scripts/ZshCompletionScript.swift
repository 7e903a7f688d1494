/// The zsh completion script.
enum ZshCompletionScript {
    static let text = #"""
#compdef kubectl-speedscale_istio
# zsh completion for kubectl-speedscale_istio, and for `kubectl speedscale-istio` when
# kubectl's own completion is not loaded (with it, kubectl asks kubectl_complete-speedscale_istio).
# Load it with:  source <(kubectl-speedscale_istio completion zsh)   (after compinit)
# or save it as _kubectl-speedscale_istio in a directory of $fpath.
# The candidates come from `kubectl-speedscale_istio __complete WORDS...`: one per line, then
# `:DIRECTIVE` (1 error, 2 no space, 4 no file names, 8 files with these extensions, 16 directories).

# Offers the candidates for the words after the command name; the last word is being completed.
_kubectl_speedscale_istio_reply() {
    local output directive line value description
    local -a lines described suffix
    output=$(kubectl-speedscale_istio __complete "$@" 2>/dev/null) || return 1
    lines=("${(@f)output}")
    directive=${lines[-1]#:}
    [[ $directive == <-> ]] || return 1
    lines=("${(@)lines[1,-2]}")
    (( directive & 1 )) && return 1
    [[ ${@[-1]} == -*=* ]] && compset -P '*='
    if (( directive & 8 )); then
        _files -g "*.(${(j:|:)lines})"
        return
    fi
    if (( directive & 16 )); then
        _files -/
        return
    fi
    for line in "${lines[@]}"; do
        [[ -z $line ]] && continue
        value=${line%%$'\t'*}
        description=
        [[ $line == *$'\t'* ]] && description=${line#*$'\t'}
        described+=("${value//:/\\:}${description:+:$description}")
    done
    if (( ${#described} == 0 )); then
        (( directive & 4 )) || _files
        return
    fi
    (( directive & 2 )) && suffix=(-S '')
    _describe -t values value described "${suffix[@]}"
}

_kubectl-speedscale_istio() {
    _kubectl_speedscale_istio_reply "${(@)words[2,CURRENT-1]}" "$PREFIX"
}

_kubectl_speedscale_istio_kubectl() {
    if (( CURRENT == 2 )); then
        compadd -- speedscale-istio
    elif [[ ${words[2]} == speedscale-istio ]]; then
        _kubectl_speedscale_istio_reply "${(@)words[3,CURRENT-1]}" "$PREFIX"
    fi
}

if [[ ${funcstack[1]} == _kubectl-speedscale_istio ]]; then
    # Autoloaded from $fpath: this file is the function's body on the first completion.
    _kubectl-speedscale_istio "$@"
else
    compdef _kubectl-speedscale_istio kubectl-speedscale_istio
    (( ${+_comps[kubectl]} )) || compdef _kubectl_speedscale_istio_kubectl kubectl
fi

"""#
}
