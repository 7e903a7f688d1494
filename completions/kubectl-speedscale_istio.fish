# fish completion for kubectl-speedscale_istio, and for `kubectl speedscale-istio` when
# kubectl's own completion is not loaded (with it, kubectl asks kubectl_complete-speedscale_istio).
# Load it with:  kubectl-speedscale_istio completion fish | source
# or save it as kubectl-speedscale_istio.fish in ~/.config/fish/completions.
# The candidates come from `kubectl-speedscale_istio __complete WORDS...`: one per line, then
# `:DIRECTIVE` (1 error, 2 no space, 4 no file names, 8 files with these extensions, 16 directories).

# Prints the candidates for the words after the command name; the last word is being completed.
function __kubectl_speedscale_istio_reply
    set -l output (kubectl-speedscale_istio __complete $argv 2>/dev/null); or return
    set -l directive (string replace -r '^:' '' -- $output[-1])
    string match -qr '^[0-9]+$' -- $directive; or return
    set -e output[-1]
    test (math "bitand($directive, 1)") -eq 0; or return
    set -l current $argv[-1]
    set -l prefix ''
    if string match -q -- '-*=*' $current
        set prefix (string replace -r '=.*' '=' -- $current)
        set current (string replace -r '^[^=]*=' '' -- $current)
    end
    if test (math "bitand($directive, 8)") -ne 0
        set -l pattern '\.('(string join '|' -- $output)')$'
        for path in (__fish_complete_path $current)
            set -l name (string replace -r '\t.*' '' -- $path)
            if test -d $name; or string match -qr -- $pattern $name
                echo $prefix$path
            end
        end
        return
    end
    if test (math "bitand($directive, 16)") -ne 0
        __fish_complete_directories $current
        return
    end
    if test (count $output) -eq 0
        test (math "bitand($directive, 4)") -ne 0; or __fish_complete_path $current
        return
    end
    for line in $output
        echo $prefix$line
    end
end

function __kubectl_speedscale_istio_complete
    set -l current (commandline -ct)
    set -l words (commandline -opc) "$current"
    __kubectl_speedscale_istio_reply $words[2..-1]
end

function __kubectl_speedscale_istio_complete_kubectl
    set -l current (commandline -ct)
    set -l words (commandline -opc) "$current"
    __kubectl_speedscale_istio_reply $words[3..-1]
end

complete -c kubectl-speedscale_istio -f -a '(__kubectl_speedscale_istio_complete)'

# kubectl's own fish completion defines __kubectl_perform_completion; stand in only without it.
if not functions -q __kubectl_perform_completion
    complete -c kubectl -f -n 'test (count (commandline -opc)) -eq 1' -a speedscale-istio
    complete -c kubectl -f -n '__fish_seen_subcommand_from speedscale-istio' -a '(__kubectl_speedscale_istio_complete_kubectl)'
end
