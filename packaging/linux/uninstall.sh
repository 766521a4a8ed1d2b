#!/bin/sh
# Remove what install.sh added for the current user.
#
#   ./uninstall.sh           remove the menu entry, icons, file associations, ~/.local/bin/jingdu
#                            and the copied app folder (~/.local/share/jingdu/app)
#   ./uninstall.sh --purge   also delete your highlights, notes, settings and caches
#
# A folder registered with --in-place is left where it is (delete it yourself).
set -eu

say() { printf '%s\n' "$*"; }

purge=0
for arg in "$@"; do
    case "$arg" in
        --purge) purge=1 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) printf 'uninstall.sh: unknown option %s (try --help)\n' "$arg" >&2; exit 2 ;;
    esac
done

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
cache_home=${XDG_CACHE_HOME:-$HOME/.cache}
bin_link=$HOME/.local/bin/jingdu
apps_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor

if command -v xdg-desktop-menu >/dev/null 2>&1; then
    xdg-desktop-menu uninstall --mode user --novendor jingdu.desktop 2>/dev/null || true
fi
rm -f "$apps_dir/jingdu.desktop"
if command -v xdg-icon-resource >/dev/null 2>&1; then
    for size in 16 22 24 32 48 64 128 256 512; do
        xdg-icon-resource uninstall --mode user --noupdate --context apps --size "$size" jingdu 2>/dev/null || true
    done
fi
rm -f "$icons_dir"/*/apps/jingdu.png "$icons_dir"/scalable/apps/jingdu.svg
rm -f "$data_home/metainfo/io.github.jingdu.Jingdu.metainfo.xml"
say "removed the menu entry, icons and metainfo"

mimeapps=$config_home/mimeapps.list
if [ -f "$mimeapps" ]; then
    tmp=$(mktemp "${TMPDIR:-/tmp}/jingdu-mimeapps.XXXXXX")
    # Drop jingdu.desktop from every association line; drop lines left empty.
    awk '
        /^\[/ { print; next }
        index($0, "=") {
            key = substr($0, 1, index($0, "=") - 1)
            val = substr($0, index($0, "=") + 1)
            n = split(val, parts, ";"); out = ""
            for (i = 1; i <= n; i++) if (parts[i] != "" && parts[i] != "jingdu.desktop") out = out parts[i] ";"
            if (out != "") print key "=" out
            next
        }
        { print }
    ' "$mimeapps" >"$tmp"
    cat "$tmp" >"$mimeapps"
    rm -f "$tmp"
    say "removed Jingdu from $mimeapps"
fi

app_copy=$data_home/jingdu/app
if [ -L "$bin_link" ]; then
    rm -f "$bin_link"
    say "removed $bin_link"
fi
if [ -d "$app_copy" ]; then
    rm -rf "$app_copy"
    say "removed $app_copy"
    rmdir "$data_home/jingdu" 2>/dev/null || true
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -f -t "$icons_dir" 2>/dev/null || true

if [ "$purge" = 1 ]; then
    rm -rf "$data_home/jingdu" "$cache_home/jingdu" "$config_home/jingdu"
    say "deleted your Jingdu data ($data_home/jingdu) and caches ($cache_home/jingdu)"
else
    [ ! -d "$data_home/jingdu" ] || say "kept your highlights and notes in $data_home/jingdu (--purge deletes them)"
fi
say "Jingdu is uninstalled"
