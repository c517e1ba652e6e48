"""Shared pytest set-up for all of tests/.

The Io fixtures come from pyio's own pytest plugin (pyio_core/pytest_plugin.py, registered
as the ``pyio`` pytest11 entry point), the same one users get with ``pip install pyio``:

    def test_add(run_io):
        assert run_io("writeln(1 + 2)") == "3\\n"

    def test_lobby_is_kept(io):
        io.run("x := 41")
        assert io.eval("x + 1") == 42

``pyodide_io`` does the same inside Pyodide (tests/pyodide).  The plugin is loaded through
its entry point, so it must not be listed again in ``pytest_plugins`` here.
"""

from pyio_core.eval.engine import Engine

# A chain the compiler fails to build is quietly interpreted in use; under test it raises,
# so that a compiler bug shows instead of hiding behind the interpreter.
Engine.strict_compile = True
