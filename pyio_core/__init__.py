"""pyio_core: the Io programming language in pure Python."""

from .host import CaptureHost, Host
from .state import Interpreter, IoUncaught

__all__ = ["CaptureHost", "Host", "Interpreter", "IoUncaught"]
