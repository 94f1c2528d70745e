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

echo "Opening $db"
GSETTINGS_SCHEMA_DIR="$build/resources" exec "$build/app/earmark" --db "$db"
