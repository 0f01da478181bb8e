#!/usr/bin/env bash
# Re-vendor the third-party front-end assets under onderhandeling/web/static/vendor/.
#
# Run by hand, from anywhere:   bash scripts/vendor_static.sh
# Never run at run time or in tests: the application only serves the files this script
# copied into the repository, it fetches nothing itself.
#
# What it does, for each pinned npm package: `npm pack` it into a temporary directory,
# check the licence declared in its package.json, unpack it, copy the one asset we use
# plus its licence text, and print the file's SRI hash (sha384, base64).
#
# After a version bump: update the paths in templates/base.html, the integrity attribute
# of the htmx <script> there, and VENDORED.md (the printed table is ready to paste).
set -euo pipefail

HTMX_VERSION="2.0.11" # 2.x on purpose: htmx.org "latest" on npm is a different major
UTRECHT_CSS_VERSION="9.0.4"
VOORBEELD_TOKENS_VERSION="7.4.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vendor_dir="$repo_root/onderhandeling/web/static/vendor"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sri() {
    printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"
}

# fetch SPEC EXPECTED_LICENSE -> unpacks the package into a fresh directory under $work
# and prints the path of its package/ folder
fetch() {
    local spec="$1" expected_license="$2" dir tarball license
    dir="$(mktemp -d "$work/pkg.XXXXXX")"
    tarball="$(cd "$dir" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)"
    tar -xzf "$dir/$tarball" -C "$dir"
    license="$(node -p 'require(process.argv[1]).license' "$dir/package/package.json")"
    if [[ "$license" != "$expected_license" ]]; then
        echo "error: $spec declares licence '$license', expected '$expected_license'" >&2
        exit 1
    fi
    printf '%s' "$dir/package"
}

# copy SRC DEST -> copies and remembers the file for the summary
copied=()
copy() {
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    copied+=("$2")
}

mkdir -p "$vendor_dir"

# htmx: only dist/htmx.min.js (dist/ext in the 2.x package holds stale 1.x extensions).
pkg="$(fetch "htmx.org@$HTMX_VERSION" "0BSD")"
rm -f "$vendor_dir"/htmx-*.min.js
copy "$pkg/dist/htmx.min.js" "$vendor_dir/htmx-$HTMX_VERSION.min.js"
copy "$pkg/LICENSE" "$vendor_dir/htmx-LICENSE.txt"

# NL Design System component CSS (Utrecht community components, EUPL-1.2).
pkg="$(fetch "@utrecht/component-library-css@$UTRECHT_CSS_VERSION" "EUPL-1.2")"
rm -rf "$vendor_dir"/utrecht-component-library-css-*
dest="$vendor_dir/utrecht-component-library-css-$UTRECHT_CSS_VERSION"
copy "$pkg/dist/index.css" "$dest/index.css"
copy "$pkg/LICENSE.md" "$dest/LICENSE.md"

# Theme: the community "Voorbeeld" tokens (EUPL-1.2), scoped to .voorbeeld-theme.
# Not @utrecht/design-tokens: that package's tokens are proprietary to Gemeente Utrecht.
pkg="$(fetch "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD_TOKENS_VERSION" \
    "EUPL-1.2")"
rm -rf "$vendor_dir"/voorbeeld-design-tokens-*
dest="$vendor_dir/voorbeeld-design-tokens-$VOORBEELD_TOKENS_VERSION"
copy "$pkg/dist/theme.css" "$dest/theme.css"
copy "$pkg/LICENSE.md" "$dest/LICENSE.md"

echo
echo "| file | bytes | SRI (sha384) |"
echo "| --- | --- | --- |"
for f in "${copied[@]}"; do
    # shellcheck disable=SC2016 # the backticks are Markdown, not a command substitution
    printf '| static/%s | %s | `%s` |\n' "${f#"$repo_root/onderhandeling/web/static/"}" \
        "$(wc -c <"$f" | tr -d ' ')" "$(sri "$f")"
done
