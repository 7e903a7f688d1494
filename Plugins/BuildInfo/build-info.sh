#!/bin/sh
# Writes the Swift file that records the git commit the build comes from.
#   build-info.sh PACKAGE_DIRECTORY OUTPUT_FILE
# In a git checkout of the package: the commit of HEAD, marked when tracked files differ from it.
# In a tarball made by `git archive` (GitHub's source downloads are): the commit git wrote into
# archive-commit through export-subst. Otherwise: unknown. The file is only rewritten when its
# content changes, so an unchanged commit does not make the target recompile.
set -u
root=$1
output=$2
commit=unknown
modified=false
top=$(git -C "$root" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$root" && pwd -P)" ]; then
    commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
    if ! git -C "$root" diff --quiet HEAD -- 2>/dev/null; then
        modified=true
    fi
else
    archived=$(sed -n '1p' "$root/Plugins/BuildInfo/archive-commit" 2>/dev/null || true)
    case $archived in
        *Format*|"") ;;
        *) commit=$archived ;;
    esac
fi
mkdir -p "$(dirname "$output")"
temporary="$output.new"
cat > "$temporary" <<SWIFT
// Generated at build time by Plugins/BuildInfo; not kept in the repository.

/// The git commit the executable was built from.
enum GeneratedBuildInfo {
    /// The commit's full hash, or \`unknown\`.
    static let commit = "$commit"
    /// Whether tracked files differed from that commit.
    static let modified = $modified
}
SWIFT
if cmp -s "$temporary" "$output"; then
    rm -f "$temporary"
else
    mv "$temporary" "$output"
fi
