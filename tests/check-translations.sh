#!/bin/sh
# Fails when a catalogue in po/LINGUAS is not complete for the current sources:
# a string of the code, the UI files, the desktop file, the metainfo or the
# schema that it does not translate, a fuzzy entry, a format string whose
# directives do not match the msgid's (msgfmt --check), a wrong Arabic
# Plural-Forms header, or a translation that starts with a placeholder
# without a right-to-left mark before it.
#
# The catalogue is not trusted to be current: a fresh template is extracted
# from po/POTFILES.in with the arguments of meson's i18n.gettext preset 'glib'
# and merged into a temporary copy, which is what is checked. So a new
# untranslated string in the code fails this test before anyone runs
# makhzan-update-po.
#
# Two negative checks prove that the checks can fail: a copy with one format
# directive broken and a template with one new string must both be refused.
#
# Usage: check-translations.sh SOURCE_ROOT
set -u
cd "$1" || exit 1

for tool in xgettext msgmerge msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed (Debian package gettext)"
    exit 1
  fi
done

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The same arguments as meson's i18n.gettext(preset: 'glib'); see
# mesonbuild/modules/i18n.py, PRESET_ARGS.
if ! xgettext --package-name=makhzan --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       -D . -f po/POTFILES.in -o "$tmp/makhzan.pot" 2>"$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  echo "xgettext could not extract the strings of po/POTFILES.in"
  exit 1
fi
# A msgid that xgettext cuts short (a macro such as G_GINT64_FORMAT inside
# the literal) can never be found at run time; say so, the lead decides.
grep 'warning:' "$tmp/xgettext.log" | sed 's/^/note: /'

# check_catalogue PO: prints what is wrong and returns 1, or returns 0.
check_catalogue ()
{
  po=$1
  ok=0
  if ! msgfmt --check --statistics -o /dev/null "$po" >"$tmp/stats" 2>&1; then
    sed 's/^/  /' "$tmp/stats"
    echo "  msgfmt --check refuses $(basename "$po")"
    ok=1
  fi
  stats=$(tail -n 1 "$tmp/stats")
  case $stats in
    *fuzzy* | *untranslated*)
      echo "  $stats"
      ok=1
      ;;
  esac
  if ! grep -q '^"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 "$' "$po" ||
     ! grep -q '^"&& n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"$' "$po"; then
    case $po in
      */ar.po | */ar-*.po)
        echo "  the Plural-Forms header is not Arabic's six forms"
        ok=1
        ;;
    esac
  fi
  # The first text of a translation (after msgstr "" when wrapped) must not
  # be a placeholder: an RLM (U+200F) goes before it.
  awk '/^msgstr/ { s = $0; sub(/^msgstr(\[[0-9]+\])? "/, "", s); want = 1
                   if (s == "\"") next; first = s }
       want && /^"/ && !first { first = substr($0, 2) }
       want && first { if (first ~ /^(«|“|\(| )*%/) { print "  starts with a placeholder, add U+200F: " $0; bad = 1 }
                       want = 0; first = "" }
       /^$/ { want = 0; first = "" }
       END { exit bad }' "$po" || ok=1
  return $ok
}

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  cp "po/$lang.po" "$tmp/$lang.po"
  if ! msgmerge --quiet --update --backup=off "$tmp/$lang.po" "$tmp/makhzan.pot"; then
    echo "po/$lang.po cannot be merged with the strings of the sources"
    status=1
    continue
  fi
  if check_catalogue "$tmp/$lang.po"; then
    echo "po/$lang.po translates every string of the sources: $(tail -n 1 "$tmp/stats")"
  else
    echo "po/$lang.po is not complete for the current sources (merge with: ninja -C BUILD makhzan-update-po)"
    status=1
  fi

  # Negative check 1: one translation with a directive changed (%s -> %d).
  awk '/^#,.*c-format/ { cf = 1 } /^$/ { cf = 0 }
       cf && !done && /^msgstr "/ && /%s/ { sub(/%s/, "%d"); done = 1 }
       { print }
       END { exit !done }' "$tmp/$lang.po" >"$tmp/broken.po" || {
    echo "no c-format translation with %s to break in po/$lang.po"
    status=1
  }
  if check_catalogue "$tmp/broken.po" >/dev/null; then
    echo "a copy of po/$lang.po with a broken format string was accepted"
    status=1
  fi

  # Negative check 2: a string that the catalogue does not know yet.
  cp "$tmp/makhzan.pot" "$tmp/newer.pot"
  printf '\n#: src/app/new-file.c:1\nmsgid "A string added to the code after the translation"\nmsgstr ""\n' >>"$tmp/newer.pot"
  cp "po/$lang.po" "$tmp/stale.po"
  msgmerge --quiet --update --backup=off "$tmp/stale.po" "$tmp/newer.pot"
  if check_catalogue "$tmp/stale.po" >/dev/null; then
    echo "a copy of po/$lang.po that misses a new string was accepted"
    status=1
  fi
done
exit $status
