#!/bin/sh
# Opens Earmark on a demo database, creating it the first time.
# Used by `meson compile -C build demo`; $1 is the build directory.
set -eu
build=$1
db=${EARMARK_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/earmark/demo.db}

if [ ! -f "$db" ]; then
  mkdir -p "$(dirname "$db")"
  "$build/app/earmark-cli" demo --db "$db"
fi

# The build tree's translations: LANGUAGE=zh_CN shows the Chinese interface.
# gettext ignores LANGUAGE in the C locale, and a locale that is not
# generated (LANG=zh_CN.UTF-8 without locale-gen) falls back to it: run in
# C.UTF-8 then, keeping the language asked for.
want=${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}}
if [ "$want" = C ] || [ "$want" = POSIX ] || [ -n "$(LC_ALL=$want locale 2>&1 >/dev/null)" ]; then
  case $want in
    C|POSIX) ;;
    *) export LANGUAGE="${LANGUAGE:-${want%%.*}}" ;;
  esac
  export LC_ALL=C.UTF-8
fi

echo "Opening $db"
GSETTINGS_SCHEMA_DIR="$build/resources" EARMARK_LOCALEDIR="$build/po" \
  exec "$build/app/earmark" --db "$db"
