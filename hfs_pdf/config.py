"""A project's defaults: `hfs-pdf.toml` in the project folder, then `HFS_PDF_*` variables, then options.

    # hfs-pdf.toml
    brand = "brands/my-clinic.yaml"   # relative to this file
    paper = "a4"                      # letter or a4
    languages = ["en", "es", "zh-Hant"]
    jobs = 2
    out = "dist"

Click applies the precedence: an option on the command line beats its `HFS_PDF_*` environment
variable, which beats the file, which beats the built-in default. `hfs-pdf config` shows each
value in force and where it came from. A bad file is an error naming its line, like every input.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from hfs_pdf.errors import ConfigError, Problem, display_path

CONFIG_FILE = "hfs-pdf.toml"


@dataclass(frozen=True)
class Key:
    name: str
    envvar: str
    kind: str  # "path", "paper", "languages", "jobs"
    default: object
    meaning: str


KEYS = (
    Key("brand", "HFS_PDF_BRAND", "path", "brands/demo.yaml", "brand file (build, release, pack, taglines)"),
    Key("paper", "HFS_PDF_PAPER", "paper", None, "letter or a4 (default: the brand's)"),
    Key("languages", "HFS_PDF_LANG", "languages", ("en",), "languages `build` makes when --lang is not given"),
    Key("jobs", "HFS_PDF_JOBS", "jobs", os.cpu_count() or 1, "parallel processes"),
    Key("out", "HFS_PDF_OUT", "path", "dist", "the folder `build` writes to"),
)
BY_NAME = {key.name: key for key in KEYS}


@dataclass(frozen=True)
class Setting:
    key: Key
    value: object
    source: str  # "hfs-pdf.toml:3", "HFS_PDF_PAPER", "default"


def config_path(folder: Path) -> Path:
    return folder / CONFIG_FILE


def read_config(folder: Path) -> dict[str, Setting]:
    """The file's settings (absent file: none), checked; raise ConfigError naming file and line."""
    path = config_path(folder)
    if not path.is_file():
        return {}
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(Problem(where, "is not UTF-8 text — save it as UTF-8"))
    except OSError as error:
        raise ConfigError(Problem(where, f"cannot be read ({error.strerror})"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(error))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))  # "at end of document": the last line
        raise ConfigError(Problem(where, f"not valid TOML: {message} — check quotes, brackets and '='", line))
    lines = text.splitlines()
    problems: list[Problem] = []
    found: dict[str, Setting] = {}
    for name, value in data.items():
        line = _line_of(lines, name)
        key = BY_NAME.get(name)
        if key is None:
            problems.append(Problem(where, f"unknown key {name!r} — expected one of: {', '.join(BY_NAME)}", line))
            continue
        checked = _check(key, value, path.parent)
        if isinstance(checked, str):
            problems.append(Problem(where, f"{name}: {checked}", line))
        else:
            found[name] = Setting(key, checked[0], f"{where}:{line}")
    if problems:
        raise ConfigError(problems)
    return found


def _line_of(lines: list[str], name: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
    return next((number for number, line in enumerate(lines, start=1) if pattern.match(line)), None)


def _check(key: Key, value: object, folder: Path) -> tuple[object] | str:
    """(the value, as the options take it) or what is wrong with it."""
    if key.kind == "path":
        if not isinstance(value, str) or not value.strip():
            return 'must be a path in quotes, e.g. "brands/my-clinic.yaml"'
        return (folder / value,)
    if key.kind == "paper":
        return (value,) if value in ("letter", "a4") else 'must be "letter" or "a4"'
    if key.kind == "languages":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            return 'must be a list of language codes, e.g. ["en", "es"]'
        return (tuple(value),)
    if key.kind == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return "must be a whole number, 1 or more"
        return (value,)
    raise AssertionError(key.kind)


def settings_in_force(folder: Path, environ: dict[str, str] | None = None) -> list[Setting]:
    """Every key's value and where it came from: the environment, then the file, then the default."""
    environ = os.environ if environ is None else environ
    from_file = read_config(folder)
    result = []
    for key in KEYS:
        if environ.get(key.envvar):
            raw = environ[key.envvar]
            value: object = raw.split() if key.kind == "languages" else raw
            result.append(Setting(key, tuple(value) if isinstance(value, list) else value, key.envvar))
        elif key.name in from_file:
            result.append(from_file[key.name])
        else:
            result.append(Setting(key, key.default, "default"))
    return result


def default_map(folder: Path) -> dict[str, dict[str, object]]:
    """The file's settings as Click default_map entries for each command that takes them."""
    settings = read_config(folder)
    values = {name: setting.value for name, setting in settings.items()}
    shared = {option: values[name] for name, option in (("brand", "brand_path"), ("paper", "paper"), ("jobs", "jobs"))
              if name in values}
    build = dict(shared)
    if "languages" in values:
        build["languages"] = values["languages"]
    if "out" in values:
        build["out_dir"] = values["out"]
    return {
        "build": build,
        "release": {("brand_paths" if k == "brand_path" else k): ((v,) if k == "brand_path" else v) for k, v in shared.items()},
        "pack": {k: v for k, v in shared.items() if k != "paper"},
        "taglines": {k: v for k, v in shared.items() if k != "jobs"},
        "validate": {k: v for k, v in shared.items() if k == "brand_path"},
    }
