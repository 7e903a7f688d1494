/// The bash completion script.
enum BashCompletionScript {
    static let text = #"""
# bash completion for kubectl-speedscale_istio, and for `kubectl speedscale-istio` when
# kubectl's own completion is not loaded (with it, kubectl asks kubectl_complete-speedscale_istio).
# Load it with:  source <(kubectl-speedscale_istio completion bash)
# The candidates come from `kubectl-speedscale_istio __complete WORDS...`: one per line, then
# `:DIRECTIVE` (1 error, 2 no space, 4 no file names, 8 files with these extensions, 16 directories).

# Fills COMPREPLY for the words after the command name; the last word is being completed.
_kubectl_speedscale_istio_reply() {
    local current=${!#} output directive line extension
    local -a lines values=()
    output=$(kubectl-speedscale_istio __complete "$@" 2>/dev/null) || return 0
    mapfile -t lines <<< "$output"
    directive=${lines[-1]#:}
    [[ $directive =~ ^[0-9]+$ ]] || return 0
    unset 'lines[-1]'
    (( directive & 1 )) && return 0
    [[ $current == -*=* ]] && current=${current#*=}
    if (( directive & 8 )); then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do
            if [[ -d $line ]]; then
                COMPREPLY+=("$line")
                continue
            fi
            for extension in "${lines[@]}"; do
                if [[ $line == *."$extension" ]]; then
                    COMPREPLY+=("$line")
                    break
                fi
            done
        done < <(compgen -f -- "$current")
        return 0
    fi
    if (( directive & 16 )); then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$current")
        return 0
    fi
    for line in "${lines[@]}"; do
        values+=("${line%%$'\t'*}")
    done
    if (( ${#values[@]} == 0 )); then
        if (( !(directive & 4) )); then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$current")
        fi
        return 0
    fi
    mapfile -t COMPREPLY < <(compgen -W "${values[*]}" -- "$current")
    (( directive & 2 )) && compopt -o nospace 2>/dev/null
    return 0
}

# The words of the command line up to the cursor, split at blanks only (so that
# --protocol=socks5 stays one word), with an empty last word after a blank.
_kubectl_speedscale_istio_words() {
    local line=${COMP_LINE:0:COMP_POINT}
    read -r -a _kubectl_speedscale_istio_typed <<< "$line"
    if [[ -z $line || $line =~ [[:space:]]$ ]]; then
        _kubectl_speedscale_istio_typed+=("")
    fi
}

_kubectl_speedscale_istio() {
    local -a _kubectl_speedscale_istio_typed
    COMPREPLY=()
    _kubectl_speedscale_istio_words
    _kubectl_speedscale_istio_reply "${_kubectl_speedscale_istio_typed[@]:1}"
}

_kubectl_speedscale_istio_kubectl() {
    local -a _kubectl_speedscale_istio_typed
    COMPREPLY=()
    _kubectl_speedscale_istio_words
    if (( ${#_kubectl_speedscale_istio_typed[@]} == 2 )); then
        mapfile -t COMPREPLY < <(compgen -W speedscale-istio -- "${_kubectl_speedscale_istio_typed[1]}")
    elif [[ ${_kubectl_speedscale_istio_typed[1]} == speedscale-istio ]]; then
        _kubectl_speedscale_istio_reply "${_kubectl_speedscale_istio_typed[@]:2}"
    fi
}

complete -F _kubectl_speedscale_istio kubectl-speedscale_istio

# Let bash-completion load kubectl's own completion if it has one, and stand in only if not.
if ! complete -p kubectl >/dev/null 2>&1; then
    if declare -F _comp_load >/dev/null; then
        _comp_load kubectl >/dev/null 2>&1
    elif declare -F __load_completion >/dev/null; then
        __load_completion kubectl >/dev/null 2>&1
    fi
fi
if ! complete -p kubectl >/dev/null 2>&1; then
    complete -F _kubectl_speedscale_istio_kubectl kubectl
fi

"""#
}
