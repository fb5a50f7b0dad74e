"""The apps are layers (docs/ARCHITECTURE.md): each uses only the apps below it.

`lint-imports` (run by `make lint`, contracts in pyproject.toml) checks Python imports.
These tests check the arrows it cannot see: modules loaded by name (`importlib`,
`__import__`, `import_string`), and templates, whose `{% include %}`, `{% extends %}`
and `{% load %}` name another app's templates and tag libraries, and template names
written in Python. The layers are read from the import-linter contract, so the two
checks cannot disagree.
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
LOADERS = {"import_module", "__import__", "import_string"}
TAG = re.compile(r"{%\s*(include|extends|load)\s+(.*?)\s*%}")
TEMPLATE_NAME = re.compile(r"^(\w+)/[\w/.-]+\.(?:html|txt|xml)$")


def layer_ranks():
    """{app: rank}, 0 at the top, from the layers contract in pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    ]
    return {
        app.strip(): rank
        for rank, layer in enumerate(contract["layers"])
        for app in layer.split("|")
    }


RANKS = layer_ranks()


def allowed(source, target):
    """Whether app `source` may use app `target`: itself, or an app in a lower layer
    (apps side by side in one layer, like the channels, are independent)."""
    if source == target or target not in RANKS:
        return True
    return RANKS[target] > RANKS[source]


def python_files():
    for app in RANKS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def app_of(path):
    return path.relative_to(ROOT).parts[0]


def dynamic_imports(tree):
    """Module names given as literals to importlib.import_module, __import__ and
    Django's import_string."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0]
        if (
            name in LOADERS
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
        ):
            yield first.value


def template_names(tree):
    """String literals in Python that name an app's template ("interop/x.html")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if match := TEMPLATE_NAME.match(node.value):
                yield node.value, match.group(1)


def template_owner(name):
    """The app a template name belongs to: templates/<app>/… or
    templates/admin/<app>/…; None for the project's own (base.html, includes/)."""
    parts = name.split("/")
    if parts[0] == "admin" and len(parts) > 2:
        parts = parts[1:]
    return parts[0] if len(parts) > 1 and parts[0] in RANKS else None


def tag_libraries():
    """{library name: app} for every app's templatetags module."""
    return {
        path.stem: app
        for app in RANKS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def template_arrows(text, libraries):
    """(kind, what, target app) for each include, extends and load in a template."""
    for kind, argument in TAG.findall(text):
        if kind == "load":
            words = argument.split()
            names = words[words.index("from") + 1 :] if "from" in words else words
            for name in names:
                if name in libraries:
                    yield kind, name, libraries[name]
            continue
        quoted = re.match(r"""["']([^"']+)["']""", argument)
        if quoted and (owner := template_owner(quoted.group(1))):
            yield kind, quoted.group(1), owner


def test_the_layers_name_every_app():
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps <= set(RANKS) - {"config"}, apps - set(RANKS)
    assert RANKS["config"] < RANKS["ops"] < RANKS["interop"] < RANKS["relations"]
    assert RANKS["relations"] < RANKS["articles"] < RANKS["pagecache"]


def test_no_app_loads_a_higher_or_sibling_app_by_name():
    wrong = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module in dynamic_imports(tree):
            if not allowed(app_of(path), module.split(".")[0]):
                wrong.append(f"{path.relative_to(ROOT)} loads {module}")
    assert not wrong


def test_no_app_names_a_higher_or_sibling_apps_templates_in_python():
    wrong = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, owner in template_names(tree):
            if not allowed(app_of(path), owner):
                wrong.append(f"{path.relative_to(ROOT)} names {name}")
    assert not wrong


def test_no_template_includes_extends_or_loads_a_higher_or_sibling_app():
    libraries = tag_libraries()
    assert libraries["journal"] == "articles"  # the map is not empty
    templates = list(TEMPLATES.rglob("*.html")) + list(TEMPLATES.rglob("*.xml"))
    wrong = []
    for path in templates:
        source = template_owner(str(path.relative_to(TEMPLATES)))
        if source is None:
            continue
        for kind, what, target in template_arrows(path.read_text("utf-8"), libraries):
            if not allowed(source, target):
                wrong.append(f"{path.relative_to(ROOT)}: {kind} {what}")
    assert not wrong


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ('importlib.import_module("relations.demo")', ["relations.demo"]),
        ('__import__("interop")', ["interop"]),
        ('import_string("search.engine.search")', ["search.engine.search"]),
        ("import_module(name)", []),
    ],
)
def test_the_dynamic_import_check_sees_loads_by_name(code, found):
    assert list(dynamic_imports(ast.parse(code))) == found


def test_the_template_check_sees_each_kind_of_arrow():
    text = (
        '{% load i18n scholarly %}{% include "interop/how_to_cite.html" %}'
        "{% extends 'relations/home.html' %}{% include \"includes/loc.html\" %}"
        "{% load journal from journal %}"
    )
    arrows = list(template_arrows(text, {"scholarly": "interop", "journal": "x"}))
    assert arrows == [
        ("load", "scholarly", "interop"),
        ("include", "interop/how_to_cite.html", "interop"),
        ("extends", "relations/home.html", "relations"),
        ("load", "journal", "x"),
    ]
    assert not allowed("articles", "interop")
    assert not allowed("interop", "search")
    assert allowed("interop", "articles")
    assert allowed("relations", "articles")
    assert not allowed("pagecache", "config")
