"""Re-extract the window's strings into the .ts files, keep what is translated, compile the .qm files.

    python tools/translations.py            # update playground/gui/translations/*.ts and *.qm, print counts
    python tools/translations.py --check    # change nothing: count what the code has now; exit 1 if unfinished

pyside6-lupdate reads every .py file of the package: new texts come in as unfinished, texts that
left the code are marked vanished (kept, so a text that comes back keeps its translation, and
dropped with --drop-vanished). Translate the unfinished entries in the .ts (Qt Linguist,
`pyside6-linguist`, or any editor: fill <translation> and remove type="unfinished"), then run
this again to compile.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
TRANSLATIONS = PACKAGE / "gui" / "translations"


def counts(ts: Path) -> dict[str, int]:
    """How many texts the .ts holds that the code still uses, and how many of them lack a translation."""
    total = unfinished = vanished = 0
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            vanished += 1
            continue
        total += 1
        if kind == "unfinished" or not "".join(translation.itertext()).strip():
            unfinished += 1
    return {"texts": total, "unfinished": unfinished, "vanished": vanished}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        sys.exit(f"translations: {name} is not on the PATH (it comes with PySide6-Essentials)")
    return path


def extract(ts: Path, drop_vanished: bool = False) -> None:
    """Merges the package's texts as they are now into `ts`, in place, keeping its translations."""
    sources = sorted(str(path) for path in PACKAGE.rglob("*.py"))
    options = ["-locations", "none"] + (["-no-obsolete"] if drop_vanished else [])
    subprocess.run([tool("pyside6-lupdate"), *sources, *options, "-ts", str(ts)], check=True, capture_output=True)


def compile_qm(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="count only, change nothing; exit 1 if a text is unfinished")
    parser.add_argument("--drop-vanished", action="store_true", help="forget translations of texts no longer in the code")
    args = parser.parse_args()
    missing = 0
    for ts in sorted(TRANSLATIONS.glob("playground_*.ts")):
        if args.check:
            with tempfile.TemporaryDirectory() as folder:
                current = Path(folder) / ts.name
                shutil.copy(ts, current)
                extract(current)
                n = counts(current)
        else:
            extract(ts, args.drop_vanished)
            compile_qm(ts)
            n = counts(ts)
        missing += n["unfinished"]
        done = n["texts"] - n["unfinished"]
        print(f"{ts.name}: {done} of {n['texts']} texts translated ({100 * done / max(n['texts'], 1):.1f} %), "
              f"{n['unfinished']} unfinished, {n['vanished']} vanished")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
