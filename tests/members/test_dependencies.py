"""The apps depend in one direction (DESIGN.md): ``services`` imports ``members``, never the reverse, and only the
``demo`` app writes both. Checked in the source, so an import inside a function, a management command or a
migration counts, and so does a services model looked up by name through the app registry."""

import ast
from pathlib import Path

from django.conf import settings

MEMBERS = Path(settings.BASE_DIR) / "members"
BY_NAME = {"get_model", "import_module", "import_string", "__import__"}


def _names(node: ast.AST) -> list[str]:
    """The modules or models a node imports or looks up by name."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0:
        return [node.module or ""]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if function in BY_NAME:
            return [str(node.args[0].value)]
    return []


def services_used_in(path: Path) -> list[tuple[int, str]]:
    """(line, name) of every import or lookup of the services app in the file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return sorted(
        (node.lineno, name)
        for node in ast.walk(tree)
        for name in _names(node)
        if name == "services" or name.startswith("services.")
    )


def test_members_never_uses_services():
    found = [
        f"{path.relative_to(MEMBERS.parent)}:{line} {name}"
        for path in sorted(MEMBERS.rglob("*.py"))
        for line, name in services_used_in(path)
    ]
    assert found == []


def test_the_check_sees_every_way_in(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import services.models\n"
        "def f():\n"
        "    from services import search\n"
        "    from members import services\n"
        "    return apps.get_model('services', 'Service'), import_module('services.reference')\n"
    )
    assert services_used_in(module) == [
        (1, "services.models"),
        (3, "services"),
        (5, "services"),
        (5, "services.reference"),
    ]
