"""pyio inside Pyodide, loaded offline from build/pyodide (`make dist`)."""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
def test_wheel_imports_real_package(selenium):
    # The project wheel and its dependency come from the local dist folder.
    import lark
    import pyio_core

    assert "site-packages" in pyio_core.__file__
    assert lark.__version__


@run_in_pyodide(packages=["pyio"])
def test_writeln(selenium):
    from pyio_core import Interpreter
    from pyio_core.host import CaptureHost

    host = CaptureHost()
    Interpreter(host=host).do_string("writeln(1 + 2)")
    assert host.output == "3\n"
