"""Build the site's web fonts (static/fonts/) from Debian's fonts-noto-core package.

    .venv/bin/python scripts/build_fonts.py            # apt-get download, then build
    .venv/bin/python scripts/build_fonts.py some.deb   # from a .deb already at hand

Noto Serif and Noto Sans cover the whole Kyrgyz (ң ө ү), Russian and Latin alphabets
and are licensed under the SIL Open Font License 1.1 without a Reserved Font Name, so
a subset may keep the name. Each face is cut down to Latin, Cyrillic and the
punctuation a journal prints, then written as WOFF2 (fontTools with brotli); the OFL
text and the copyright notices go beside them in static/fonts/OFL.txt.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "fonts"
PACKAGE = "fonts-noto-core"
FONT_DIR = "usr/share/fonts/truetype/noto"
COPYRIGHT = f"usr/share/doc/{PACKAGE}/copyright"

FACES = [
    "NotoSerif-Regular",
    "NotoSerif-Italic",
    "NotoSerif-Bold",
    "NotoSerif-BoldItalic",
    "NotoSans-Regular",
    "NotoSans-Italic",
    "NotoSans-Bold",
]

# Basic Latin, Latin-1, Latin Extended-A (names in Turkish, Uzbek, Polish...),
# Cyrillic and its supplement (Kyrgyz ң ө ү are U+04A3, U+04E9, U+04AF), general
# punctuation (dashes, quotes, narrow no-break space), №, arrows and a few signs.
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+0100-017F,U+0192,U+0218-021B,U+02BB-02BC,"
    "U+02C6,U+02DA,U+02DC,U+0300-0301,U+0400-052F,U+1E9E,U+2000-206F,"
    "U+20AC,U+20BD,U+20C0,U+2116,U+2122,U+2190-2193,U+2212,U+2215,U+FEFF,U+FFFD"
)


def fetch_deb(workdir):
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)  # noqa: S603, S607
    return next(Path(workdir).glob(f"{PACKAGE}_*.deb"))


def ofl_text(copyright_file):
    """The OFL-1.1 stanza of the Debian copyright file, as plain text."""
    lines, inside = [], False
    for line in copyright_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("License: OFL-1.1"):
            lines, inside = [], True
        elif inside and line.startswith(" "):
            lines.append("" if line.strip() == "." else line[1:])
        elif inside and lines:
            break
        else:
            inside = False
    return "\n".join(lines).strip() + "\n"


def build_face(source, target):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    notice = font["name"].getDebugName(0)
    subset.save_font(font, str(target), options)
    return notice


def main(argv):
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        deb = Path(argv[1]).resolve() if len(argv) > 1 else fetch_deb(work)
        unpacked = Path(work) / "deb"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)  # noqa: S603, S607
        notices = {}
        for face in FACES:
            target = OUT / f"{face}.woff2"
            notice = build_face(unpacked / FONT_DIR / f"{face}.ttf", target)
            notices[face] = notice
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
        header = [
            "The fonts in this folder are subsets of Noto Serif and Noto Sans,",
            f"made by scripts/build_fonts.py from Debian's {deb.name}.",
            "",
            *sorted({notice for notice in notices.values() if notice}),
            "",
            "This Font Software is licensed under the SIL Open Font License,",
            "Version 1.1.",
            "",
            "",
        ]
        license_text = ofl_text(unpacked / COPYRIGHT)
        (OUT / "OFL.txt").write_text("\n".join(header) + license_text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
