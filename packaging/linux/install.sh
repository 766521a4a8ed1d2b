#!/bin/sh
# Install Jingdu for the current user (no root needed).
#
#   ./install.sh               copy this folder to ~/.local/share/jingdu/app and register it
#   ./install.sh --in-place    register this folder where it is (do not copy)
#   ./install.sh --default     also make Jingdu the default app for .txt .md .docx .epub
#
# Registers: ~/.local/bin/jingdu, the menu entry (jingdu.desktop), hicolor icons,
# AppStream metainfo, and "Open with Jingdu" for text/plain, text/markdown, .docx, .epub.
# Uses xdg-utils when installed, else writes the files and refreshes the caches itself.
# Your documents' highlights and notes live in ~/.local/share/jingdu (next to, never inside,
# the app folder), so reinstalling or upgrading keeps them.  Undo with ./uninstall.sh.
set -eu

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

in_place=0
make_default=0
for arg in "$@"; do
    case "$arg" in
        --in-place) in_place=1 ;;
        --default) make_default=1 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$arg' (try --help)" ;;
    esac
done

[ "$(id -u)" != 0 ] || say "note: running as root installs for root only (into $HOME)"

src=$(cd "$(dirname "$0")" && pwd -P)
[ -x "$src/jingdu" ] || die "no 'jingdu' program next to this script ($src): run install.sh from the unpacked jingdu folder"
[ -f "$src/share/applications/jingdu.desktop" ] || die "$src/share is missing: the folder is incomplete, unpack the .tar.gz again"

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
bin_dir=$HOME/.local/bin
target=$data_home/jingdu/app

if [ "$in_place" = 1 ] || [ "$src" = "$(cd "$target" 2>/dev/null && pwd -P || true)" ]; then
    app=$src
    say "using Jingdu in place: $app"
else
    app=$target
    say "copying Jingdu to $app"
    mkdir -p "$data_home/jingdu"
    rm -rf "$app.new" "$app.old"
    cp -a "$src" "$app.new"
    [ ! -e "$app" ] || mv "$app" "$app.old"
    mv "$app.new" "$app"
    rm -rf "$app.old"
fi

# Check the program really starts on this machine before registering it.
if ! "$app/jingdu" --version >/dev/null 2>&1; then
    die "$app/jingdu --version failed: this build does not run here (see docs/packaging.md, 'Troubleshooting')"
fi

mkdir -p "$bin_dir"
ln -sfn "$app/jingdu" "$bin_dir/jingdu"
say "linked $bin_dir/jingdu"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) say "note: $bin_dir is not on your PATH; add it to run 'jingdu' from a terminal" ;;
esac

# The menu entry runs the program by absolute path: ~/.local/bin is not on every desktop's PATH.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jingdu-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
desktop=$tmp/jingdu.desktop
sed -e "s|^Exec=.*|Exec=\"$app/jingdu\" %F|" -e "s|^TryExec=.*|TryExec=$app/jingdu|" \
    "$app/share/applications/jingdu.desktop" >"$desktop"

apps_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor
xdg_register() {
    # --mode user: xdg-utils would otherwise install system-wide when run as root.
    for png in "$app"/share/icons/hicolor/*/apps/jingdu.png; do
        size=$(basename "$(dirname "$(dirname "$png")")" | cut -dx -f1)
        xdg-icon-resource install --mode user --noupdate --novendor --context apps \
            --size "$size" "$png" jingdu || return 1
    done
    xdg-icon-resource forceupdate --mode user || true
    xdg-desktop-menu install --mode user --novendor "$desktop"
}
if command -v xdg-desktop-menu >/dev/null 2>&1 && command -v xdg-icon-resource >/dev/null 2>&1 &&
    xdg_register; then
    say "registered the menu entry and icons with xdg-utils"
else
    mkdir -p "$apps_dir"
    cp "$desktop" "$apps_dir/jingdu.desktop"
    say "wrote $apps_dir/jingdu.desktop"
fi
# The scalable icon (xdg-icon-resource handles only PNG sizes) and the AppStream data.
for dir in "$app"/share/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    mkdir -p "$icons_dir/$size/apps"
    cp "$dir"/jingdu.* "$icons_dir/$size/apps/"
done
[ -f "$icons_dir/index.theme" ] || [ ! -f /usr/share/icons/hicolor/index.theme ] ||
    cp /usr/share/icons/hicolor/index.theme "$icons_dir/index.theme"
mkdir -p "$data_home/metainfo"
cp "$app/share/metainfo/io.github.jingdu.Jingdu.metainfo.xml" "$data_home/metainfo/"

# "Open with Jingdu": list jingdu.desktop under [Added Associations] in mimeapps.list.
types="text/plain text/markdown text/x-markdown application/vnd.openxmlformats-officedocument.wordprocessingml.document application/epub+zip"
mimeapps=$config_home/mimeapps.list
mkdir -p "$config_home"
[ -f "$mimeapps" ] || : >"$mimeapps"
awk -v types="$types" '
    BEGIN { n = split(types, t, " "); for (i = 1; i <= n; i++) want[t[i]] = 1 }
    function flush_added(   i) {
        for (i = 1; i <= n; i++) if (!done[t[i]]) { print t[i] "=jingdu.desktop;"; done[t[i]] = 1 }
    }
    /^\[/ {
        if (section == "[Added Associations]") flush_added()
        section = $0; print; if (section == "[Added Associations]") seen = 1; next
    }
    section == "[Added Associations]" && index($0, "=") {
        key = substr($0, 1, index($0, "=") - 1)
        if (key in want) {
            done[key] = 1
            if ($0 !~ /(=|;)jingdu\.desktop;/) { sub(/;?$/, ";", $0); $0 = $0 "jingdu.desktop;" }
        }
    }
    { print }
    END {
        if (section == "[Added Associations]") flush_added()
        else if (!seen) { print ""; print "[Added Associations]"; flush_added() }
    }
' "$mimeapps" >"$tmp/mimeapps.list"
cat "$tmp/mimeapps.list" >"$mimeapps"
say "added 'Open with Jingdu' for .txt .md .docx .epub ($mimeapps)"

if [ "$make_default" = 1 ]; then
    if command -v xdg-mime >/dev/null 2>&1; then
        for t in $types; do xdg-mime default jingdu.desktop "$t"; done
        say "Jingdu is now the default app for those types"
    else
        say "note: --default needs xdg-mime (package xdg-utils); skipped"
    fi
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -f -t "$icons_dir" 2>/dev/null || true
command -v update-mime-database >/dev/null 2>&1 && [ -d "$data_home/mime" ] && update-mime-database "$data_home/mime" 2>/dev/null || true

say "done: start Jingdu from your applications menu, or run: jingdu [FILE]"
