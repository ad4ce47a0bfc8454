#!/usr/bin/env python3
"""Copies a compiled catalogue to DEST (creating its folders) and touches STAMP.

Usage: stage-catalogue.py MO DEST STAMP

Meson's custom targets cannot write into sub-folders, so po/meson.build stages
po/<lang>/LC_MESSAGES/makhzan.mo as po/locale/<lang>/LC_MESSAGES/makhzan.mo
with this script and keeps a stamp file as the target's output.
"""

import os
import shutil
import sys


def main(mo, dest, stamp):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(mo, dest)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(dest + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
