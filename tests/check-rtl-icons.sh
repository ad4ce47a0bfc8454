#!/bin/sh
# Fails when an icon that points (an arrow, next and previous, send and
# receive, import and export, a truck) is used without a right-to-left twin.
# GTK draws NAME-rtl (NAME-symbolic-rtl for a symbolic icon) instead of NAME
# in a right-to-left widget when the theme or the application has one
# (reference/arabic.md, "Direction"). The application's own icons are looked
# for in data/icons and must be in the GResource; theme icons in Adwaita.
cd "$1" || exit 1
adwaita=${ADWAITA_DIR:-/usr/share/icons/Adwaita}
status=0

# Icon names given in the templates and in the code.
names=$( { sed -n 's/.*name="icon[-_]name">\([^<]*\)<.*/\1/p' ui/*.ui ui/*/*.ui 2>/dev/null
           grep -ho 'icon_name *([^"]*"[^"]*"' src/app/*.c | sed 's/.*"\([^"]*\)"$/\1/'
           grep -ho '"[a-z][a-z0-9.-]*-symbolic"' src/app/*.c | tr -d '"'
         } | sort -u)

for name in $names; do
  base=${name%-symbolic}
  case "-$base-" in
    *-go-* | *-pan-* | *-arrow* | *-next-* | *-previous-* | *-forward-* | *-backward-* | \
    *-send-* | *-receive-* | *-reply-* | *-import-* | *-export-* | *-truck* | *-transfer* | \
    *-seek-* | *-skip-* | *-undo-* | *-redo-* | *-left-* | *-right-* | *-start-* | *-end-* | \
    *-jump-* | *-exit-* | *-indent-* | *-revert-* | *-return-*)
      ;;
    *)
      continue
      ;;
  esac
  twin="$name-rtl"
  if find data/icons -name "$twin.svg" | grep -q .; then
    if ! grep -q "/$twin.svg\"" ui/makhzan.gresource.xml; then
      echo "$name points; its twin $twin.svg is not in ui/makhzan.gresource.xml"
      status=1
    fi
  elif ! find "$adwaita" -name "$twin.*" 2>/dev/null | grep -q .; then
    echo "$name points but has no right-to-left twin $twin (data/icons or $adwaita)"
    status=1
  fi
done
[ $status -eq 0 ] && echo "every icon that points has a right-to-left twin"
exit $status
