"""pyio inside Pyodide, loaded offline from build/pyodide (`make dist`)."""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
def test_wheel_imports_real_package_without_lark(selenium):
    # The project wheel comes from the local dist folder, alone: the parser runs on its
    # committed tables, so lark is neither shipped nor loaded.
    import importlib.util
    import sys

    import pyio_core
    from pyio_core.host import CaptureHost

    assert "site-packages" in pyio_core.__file__
    host = CaptureHost()
    interp = pyio_core.Interpreter(host=host)
    interp.do_string('list(1, 2) foreach(i, writeln("n: ", i * 10))')
    assert host.output == "n: 10\nn: 20\n"
    assert importlib.util.find_spec("lark") is None
    assert not [m for m in sys.modules if m.split(".")[0] == "lark"]


@run_in_pyodide(packages=["pyio"])
def test_writeln(selenium):
    from pyio_core import Interpreter
    from pyio_core.host import CaptureHost

    host = CaptureHost()
    Interpreter(host=host).do_string("writeln(1 + 2)")
    assert host.output == "3\n"
