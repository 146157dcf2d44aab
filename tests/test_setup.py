"""The project's set-up files agree with each other."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _requirement(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert match, f"cannot parse requirement {spec!r}"
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return dict(_requirement(s) for s in specs)


def _conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    specs: list[str] = []
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            specs += [s for s in entry["pip"] if not s.startswith("-e")]
        else:
            specs.append(entry)
    return {name: ver for name, ver in map(_requirement, specs) if name not in {"python", "pip"}}


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert _conda_requirements() == _pyproject_requirements()


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert f"python{project['requires-python']}" in env["dependencies"]


def test_only_the_maintained_sastrawi_is_required():
    names = set(_pyproject_requirements())
    assert "pysastrawi" in names
    assert "sastrawi" not in names


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)


def test_sample_corpus_has_a_provenance_note():
    note = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "jepang-rusia.txt" in note and "Associated Press" in note


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#", "-")):
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version.split()[0]
    return pins


def test_every_dependency_is_pinned_in_the_lock_within_its_range():
    from packaging.specifiers import SpecifierSet

    pins = _locked()
    for name, spec in _pyproject_requirements().items():
        assert name in pins, f"{name} is not pinned in requirements.lock (run make lock)"
        assert pins[name] in SpecifierSet(spec), f"requirements.lock pins {name}=={pins[name]}, outside {spec}"


def test_setup_installs_the_pinned_versions_and_make_test_lints_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*--constraint \$\(LOCK\) -e \"\.\[dev\]\"", makefile)
    assert re.search(r"^test: lint$", makefile, re.M) and re.search(r"^\t\$\(BIN\)/ruff check \.$", makefile, re.M)
    assert "[tool.ruff" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_test_files_named_in_docstrings_exist():
    named = set(re.findall(r"tests/test_\w+\.py", "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))))
    assert named and all((ROOT / name).is_file() for name in named), sorted(n for n in named if not (ROOT / n).is_file())


def test_every_imported_third_party_package_is_declared():
    import ast
    import sys

    declared = set(_pyproject_requirements())
    aliases = {"sklearn": "scikit-learn", "Sastrawi": "pysastrawi", "yaml": "pyyaml", "IPython": "ipython", "pycrfsuite": "python-crfsuite"}  # import name -> distribution
    imported = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "telaah"}
    undeclared = sorted(n for n in third_party if aliases.get(n, n).lower().replace("_", "-") not in declared)
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_make_lab_works_as_root_without_flags():
    """JupyterLab refuses to start as root without --allow-root; Docker classrooms run as root."""
    import os
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.fail("make is needed: the README's two commands are make targets")
    dry = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(li for li in dry.splitlines() if "jupyter lab notebooks" in li)
    assert ("--allow-root" in line) == (os.geteuid() == 0), line
