#!/usr/bin/env bash
# CI step (run by .ci/run after the tests): build the one-folder executable from this
# checkout and smoke-test the BUILT program, offscreen and on a real X server (Xvfb).
# Fails when: the build fails, --self-test fails, a bundled library cannot be resolved,
# the program writes into its own folder or jieba's cache into the system temp folder,
# install.sh/uninstall.sh misbehave, or the folder exceeds the size budget.
set -euo pipefail
cd "$(dirname "$0")/../.."

MAX_MB=${JINGDU_MAX_BUNDLE_MB:-150}
APP=packaging/dist/jingdu
step() { printf -- '--- %s\n' "$*"; }
fail() { printf 'package.sh: FAILED: %s\n' "$*" >&2; exit 1; }

if [ "$(uname -s)" != Linux ]; then
    echo "package.sh: Linux only (other platforms build in .github/workflows/build.yml)"
    exit 0
fi

# System pieces the build and the bundled Qt need (xcb plugin: icccm/keysyms/cursor...).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    pkgs="binutils xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3"
    missing=""
    for p in $pkgs; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        step "apt-get install$missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    fi
fi

step "uv sync --group packaging"
uv sync --group packaging --locked --quiet

step "build"
t0=$SECONDS
rm -rf "$APP"
bash packaging/build.sh
echo "build took $((SECONDS - t0)) s"
[ -x "$APP/jingdu" ] || fail "no executable at $APP/jingdu"

step "bundled libraries resolve"
unresolved=$(cd "$APP/_internal" && find . -name '*.so*' -type f -print0 |
    xargs -0 -n 50 env LD_LIBRARY_PATH="$PWD" ldd 2>/dev/null |
    awk '/not found/ {print $1}' | sort -u | grep -v '^libwayland-' || true)
# libwayland-* come from the user's Wayland desktop; everything else must resolve here.
[ -z "$unresolved" ] || fail "bundled Qt needs libraries that are missing: $unresolved"

marker=$(mktemp)
jieba_tmp=$(python3 -c 'import tempfile;print(tempfile.gettempdir())')/jieba.cache
jieba_before=$(stat -c %Y "$jieba_tmp" 2>/dev/null || echo none)
touch "$marker"
sleep 1

step "jingdu --version"
"$APP/jingdu" --version

step "self-test offscreen"
QT_QPA_PLATFORM=offscreen "$APP/jingdu" --self-test || fail "self-test offscreen"

step "self-test under xvfb-run (xcb platform plugin)"
env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" "$APP/jingdu" --self-test ||
    fail "self-test under Xvfb"

step "command-line sub-commands of the built program"
guide=$(ls "$APP"/_internal/resources/guide/*.txt | head -1)
"$APP/jingdu" outline "$guide" >/dev/null || fail "jingdu outline"
cli_dir=$(mktemp -d)
hits=$(JINGDU_DATA_DIR="$cli_dir" "$APP/jingdu" search --whole-word "$guide" 打开 | wc -l)
[ "$hits" -gt 0 ] || fail "jingdu search --whole-word found nothing in the guide"
rm -rf "$cli_dir"

step "window screenshot with a private data folder"
shot_dir=$(mktemp -d)
JINGDU_DATA_DIR="$shot_dir/data" QT_QPA_PLATFORM=offscreen \
    "$APP/jingdu" --screenshot "$shot_dir/window.png" || fail "--screenshot"
[ -s "$shot_dir/window.png" ] || fail "--screenshot wrote no picture"

step "nothing written into the app folder or the system temp jieba cache"
written=$(find "$APP" -newer "$marker" -print | head -5)
[ -z "$written" ] || fail "the program wrote into its own folder: $written"
jieba_after=$(stat -c %Y "$jieba_tmp" 2>/dev/null || echo none)
[ "$jieba_before" = "$jieba_after" ] || fail "jieba wrote $jieba_tmp (must use the cache folder)"

if command -v desktop-file-validate >/dev/null 2>&1; then
    step "desktop-file-validate"
    desktop-file-validate "$APP/share/applications/jingdu.desktop" || fail "jingdu.desktop is invalid"
fi
if command -v appstreamcli >/dev/null 2>&1; then
    step "appstreamcli validate"
    appstreamcli validate --no-net "$APP/share/metainfo/io.github.jingdu.Jingdu.metainfo.xml" ||
        fail "AppStream metainfo is invalid"
fi

step "install.sh / uninstall.sh in a throw-away HOME"
home=$(mktemp -d)
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" "$APP/install.sh" >/dev/null
for f in .local/bin/jingdu .local/share/applications/jingdu.desktop \
    .local/share/icons/hicolor/256x256/apps/jingdu.png .local/share/icons/hicolor/scalable/apps/jingdu.svg \
    .local/share/metainfo/io.github.jingdu.Jingdu.metainfo.xml .config/mimeapps.list; do
    [ -e "$home/$f" ] || fail "install.sh did not create ~/$f"
done
grep -q '^application/epub+zip=jingdu.desktop;' "$home/.config/mimeapps.list" ||
    fail "install.sh did not add the .epub association"
HOME="$home" "$home/.local/bin/jingdu" --version >/dev/null || fail "installed jingdu does not run"
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" "$home/.local/share/jingdu/app/uninstall.sh" >/dev/null
left=$(find "$home" -name 'jingdu*' -print | head -5)
[ -z "$left" ] || fail "uninstall.sh left: $left"
! grep -q jingdu "$home/.config/mimeapps.list" || fail "uninstall.sh left associations"
rm -rf "$home" "$shot_dir" "$marker"

step "size"
size_mb=$(( $(du -sb "$APP" | cut -f1) / 1024 / 1024 ))
tarball=$(ls packaging/dist/jingdu-*-linux-*.tar.gz)
tar_mb=$(( $(stat -c %s "$tarball") / 1024 / 1024 ))
echo "folder $size_mb MiB (limit $MAX_MB), $(basename "$tarball") $tar_mb MiB"
[ "$size_mb" -le "$MAX_MB" ] || fail "folder is $size_mb MiB, over the $MAX_MB MiB budget"
echo "package: OK"
