#!/bin/sh
# Fails when a source file of the core includes a GTK, GDK, Pango or Cairo header.
# (The build fails too, since the core's dependencies do not carry their include
# paths; this names the file in a readable way.)
found=$(grep -rnE '#\s*include\s*[<"](gtk|gdk|pango|cairo)' "$1" --include='*.c' --include='*.h')
if [ -n "$found" ]; then
  echo "The core must not include GUI headers:"
  echo "$found"
  exit 1
fi
echo "no GUI headers in $1"
