"""The shape of the code, checked: the import-linter contracts in pyproject.toml (the search package's modules are its
own, its layers, its pure modules import no models, members never imports services, no production app imports
bench), no import cycle among the project's modules, and every engine check of the search in its backends. Imports
inside functions count."""

import ast
import sys
from pathlib import Path

import grimp
from django.conf import settings
from importlinter.cli import lint_imports

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("rssn", "members", "services", "demo", "bench")


def _manager_link(importer: str, imported: str) -> bool:
    """A models module and its querysets module may name each other (``objects = ServiceQuerySet.as_manager()`` in
    the class body, the models named inside the queryset's methods), as Django's managers do."""
    importer_package, _dot, importer_name = importer.rpartition(".")
    imported_package, _dot, imported_name = imported.rpartition(".")
    return importer_package == imported_package and {importer_name, imported_name} == {"models", "querysets"}


def import_cycles(*packages: str) -> list[list[str]]:
    """The groups of modules of ``packages`` that import each other in a circle (Tarjan's strongly connected
    components), counting every import statement wherever it is, the manager links left out."""
    graph = grimp.build_graph(*packages, cache_dir=None)
    modules = sorted(graph.modules)
    imports = {
        module: sorted(
            imported
            for imported in graph.find_modules_directly_imported_by(module)
            if not _manager_link(module, imported)
        )
        for module in modules
    }
    order, lowest, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module):
        order[module] = lowest[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in imports[module]:
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in on_stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(modules) + 100))
    try:
        for module in modules:
            if module not in order:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


def test_the_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_module_of_the_project_imports_itself_through_others(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    assert import_cycles(*PACKAGES) == []


def test_the_cycle_check_sees_imports_inside_functions_and_allows_only_the_manager_link(tmp_path, monkeypatch):
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("from shop.querysets import Query\n")
    (package / "querysets.py").write_text("def read():\n    from shop import models, search\n")
    (package / "search.py").write_text("def find():\n    from shop import pages\n")
    (package / "pages.py").write_text("def show():\n    import shop.search\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_cycles("shop") == [["shop.pages", "shop.search"]]


def test_every_engine_check_of_the_search_is_in_its_backends():
    search = ROOT / "services" / "search"
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted(search.rglob("*.py"))
        if path.parent.name != "backends"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr == "vendor"
    ]
    assert found == []
