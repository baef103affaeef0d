"""The project's scripts (``benchmarks/``, ``training/``) as modules, for tests that call their functions.

The scripts are run as files, not imported as a package, so a test loads one by path. It is registered in
``sys.modules`` under its name before it runs (a dataclass in it looks its module up by name) and loaded
once per test process, so every test sees the same module object.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_script(relative: str, name: str | None = None) -> ModuleType:
    """The script at ``ROOT / relative`` as a module named ``name`` (default: the file's stem)."""
    name = name or Path(relative).stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
