"""Reading the demo's TOML data files (ops/demo/data/, described in its README).

Paths are taken from this module's own folder, so `load_demo` finds its data from any
working directory. A string written over several lines is one text: its lines are
joined with single spaces and a blank line separates paragraphs (the way an editor
wraps prose in a data file); a string on one line is kept exactly as written.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def text(block):
    """Paragraphs from a wrapped block: lines joined, blank lines kept."""
    paragraphs = [" ".join(p.split()) for p in block.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _unwrap(value):
    if isinstance(value, str):
        return text(value) if "\n" in value else value
    if isinstance(value, dict):
        return {key: _unwrap(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unwrap(item) for item in value]
    return value


def read(name):
    """One data file, e.g. read("relations/countries.toml"), as a dict."""
    path = DATA / name
    with path.open("rb") as handle:
        try:
            return _unwrap(tomllib.load(handle))
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"{path}: {error}") from error


def read_folder(name):
    """{slug: data} for every <slug>.toml in a folder of DATA, in file-name order."""
    folder = DATA / name
    return {
        path.stem: read(path.relative_to(DATA))
        for path in sorted(folder.glob("*.toml"))
    }
