#!/usr/bin/env bash
# Build Jingdu's one-folder executable and, on Linux, its .tar.gz.
#
#   packaging/build.sh            # -> packaging/dist/jingdu/ and packaging/dist/jingdu-<ver>-linux-<arch>.tar.gz
#   packaging/build.sh --clean    # also drop PyInstaller's cache first (slower, from scratch)
#   packaging/build.sh --no-tar   # skip the archive
#
# Needs uv; installs PyInstaller from the locked `packaging` dependency group.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=packaging/dist
WORK=packaging/build

clean=""
make_tar=1
for arg in "$@"; do
    case "$arg" in
        --clean) clean="--clean" ;;
        --no-tar) make_tar=0 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

if ! command -v uv >/dev/null 2>&1; then
    echo "build.sh: uv is not installed (pip install uv)" >&2
    exit 2
fi
run() { uv run --locked --group packaging "$@"; }

version=$(run python -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
SECONDS=0

echo "== icons"
run python packaging/make_icons.py --out "$WORK/icons"

echo "== pyinstaller (jingdu $version)"
# Qt must not try a real screen while PyInstaller's hooks import it.
QT_QPA_PLATFORM=offscreen run pyinstaller --noconfirm $clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/jingdu.spec

app="$DIST/jingdu"
case "$(uname -s)" in
    Linux)
        echo "== desktop integration files"
        mkdir -p "$app/share/applications" "$app/share/metainfo" "$app/share/icons"
        cp packaging/linux/jingdu.desktop "$app/share/applications/jingdu.desktop"
        sed "s/@VERSION@/$version/; s/@DATE@/$(date -u +%Y-%m-%d)/" \
            packaging/linux/io.github.jingdu.Jingdu.metainfo.xml \
            >"$app/share/metainfo/io.github.jingdu.Jingdu.metainfo.xml"
        rm -rf "$app/share/icons/hicolor"
        cp -r "$WORK/icons/hicolor" "$app/share/icons/hicolor"
        install -m 755 packaging/linux/install.sh "$app/install.sh"
        install -m 755 packaging/linux/uninstall.sh "$app/uninstall.sh"
        ;;
esac

size_mb=$(du -sm "$app" | cut -f1)
printf '== built %s in %d s: %s MB\n' "$app" "$SECONDS" "$size_mb"

if [ "$make_tar" = 1 ] && [ "$(uname -s)" = Linux ]; then
    tarball="$DIST/jingdu-$version-linux-$(uname -m).tar.gz"
    rm -f "$tarball"
    tar -C "$DIST" -czf "$tarball" jingdu
    printf '== archive %s: %s MB\n' "$tarball" "$(du -m "$tarball" | cut -f1)"
fi
cd "$ROOT"
