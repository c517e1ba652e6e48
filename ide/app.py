"""The IDE page's Python side, run by PyScript: wires the buttons, the console, the
inspector and the examples to a Session, and drives it with a SliceDriver.

The editor itself (CodeMirror, autosave, share links, theme) is JavaScript
(static/src/main.js) so it works before Python has loaded; this module talks to it through
``window.pyioEditor``.
"""

from __future__ import annotations

import js
from pyodide.ffi import create_proxy, to_js

from . import examples
from .completion import complete
from .console import Console, History
from .driver import SliceDriver
from .inspector import TreeView
from .jsview import BridgeJsView
from .session import Session

HISTORY_KEY = "pyio.history"


def _js(value):
    return to_js(value, dict_converter=js.Object.fromEntries)


class App:
    """The page: one Session (replaced by Reset) and the views around it."""

    def __init__(self) -> None:
        doc = js.document
        self.doc = doc
        self.editor = js.window.pyioEditor
        self.console = Console(doc, doc.getElementById("console"))
        self.input = doc.getElementById("console-input")
        self.history = History.loads(js.localStorage.getItem(HISTORY_KEY))
        self.tree = TreeView(doc, doc.getElementById("inspector"), create_proxy, BridgeJsView)
        self.examples = {e.key: e for e in examples.load()}
        self.session = self._new_session()
        self.seen_finished = -1
        self.driver = SliceDriver(lambda: self.session, js.setTimeout, js.clearTimeout,
                                  create_proxy, self.after_step)
        self._proxies = []
        for id_, handler in (("run", self.on_run), ("stop", self.on_stop),
                             ("reset", self.on_reset), ("clear-console", self.on_clear),
                             ("refresh-inspector", self.on_refresh)):
            self._listen(doc.getElementById(id_), "click", handler)
        self._listen(self.input, "keydown", self.on_console_key)
        self._listen(self.input, "input", lambda e: self._fit_input())
        self._listen(doc.getElementById("examples"), "change", self.on_example)
        self._fill_examples()
        self.editor.completer = create_proxy(
            lambda before: _js(complete(self.session.interp, str(before))))

    def _listen(self, element, event: str, handler) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        element.addEventListener(event, proxy)

    def _new_session(self) -> Session:
        session = Session(self.console.write, schedule=lambda: self.driver.kick())
        session.on_input_request = self.on_input_request
        return session

    # -- readiness -------------------------------------------------------------------------
    def ready(self) -> None:
        for id_ in ("run", "reset", "examples"):
            self.doc.getElementById(id_).disabled = False
        self.input.disabled = False
        self.doc.getElementById("loading").hidden = True
        self.doc.body.dataset.ready = "true"
        js.window.pyioReadyAt = js.performance.now()
        if not self.doc.getElementById("status").textContent:
            self.editor.setStatus("Ready.")
        self.tree.show(self.session)
        self.update_controls()

    def update_controls(self) -> None:
        busy = self.session.busy
        # a program that ended but still has handlers or timers can be stopped too
        self.doc.getElementById("stop").disabled = not (busy or self.session.reacting)
        self.doc.body.dataset.running = "true" if busy else "false"

    def after_step(self) -> None:
        """After each slice: error marks, the inspector after a job ends, the buttons."""
        s = self.session
        if s.finished != self.seen_finished:
            self.seen_finished = s.finished
            if s.errors:
                self.editor.markErrors(_js([e.__dict__ for e in s.errors]))
            self.tree.show(s)
        self.update_controls()
        if not s.busy and self.doc.getElementById("status").textContent == "Running…":
            self.editor.setStatus("Done.")

    # -- toolbar ---------------------------------------------------------------------------
    def on_run(self, event=None) -> None:
        self.editor.saveNow()
        self.editor.clearErrors()
        self.editor.setStatus("Running…")
        self.session.run(str(self.editor.getCode()))
        self.driver.kick()
        self.after_step()

    def on_stop(self, event=None) -> None:
        self.driver.cancel()
        self.session.stop()
        self.editor.setStatus("Stopped.")
        self.after_step()

    def on_reset(self, event=None) -> None:
        self.driver.cancel()
        self.session.close()  # its listeners and JS-held callbacks go with it
        self.session = self._new_session()
        self.seen_finished = -1
        self.doc.getElementById("output").replaceChildren()
        self.editor.clearErrors()
        self.console.write("note", "Fresh Lobby.")
        self.editor.setStatus("Reset: a fresh Lobby.")
        self._end_input_mode()
        self.after_step()

    def on_clear(self, event=None) -> None:
        self.console.clear()

    def on_refresh(self, event=None) -> None:
        self.tree.show(self.session)

    def _fill_examples(self) -> None:
        select = self.doc.getElementById("examples")
        for ex in self.examples.values():
            option = self.doc.createElement("option")
            option.value = ex.key
            option.textContent = ex.title
            select.appendChild(option)

    def on_example(self, event) -> None:
        select = event.target
        ex = self.examples.get(str(select.value))
        if ex is not None:
            self.editor.setCode(ex.code)
            self.editor.setStatus(f"Example “{ex.title}” loaded: press Run.")
        select.value = ""

    # -- console ---------------------------------------------------------------------------
    def on_console_key(self, event) -> None:
        key = event.key
        text = str(self.input.value)
        if key == "d" and event.ctrlKey and self.session.waiting_for_input and not text:
            event.preventDefault()  # Ctrl+D on an empty line: the end of input (nil)
            self.submit(None)
        elif key == "Enter" and not event.shiftKey:
            if not self.session.waiting_for_input and self.session.interp.needs_more_input(text):
                return  # an open bracket or string: Enter continues on a new line
            event.preventDefault()
            self.submit(text)
        elif key == "ArrowUp" and "\n" not in text[: self.input.selectionStart]:
            self._show_history(self.history.previous(text), event)
        elif key == "ArrowDown" and "\n" not in text[self.input.selectionEnd:]:
            self._show_history(self.history.next(), event)

    def _show_history(self, entry: str | None, event) -> None:
        if entry is None:
            return
        event.preventDefault()
        self.input.value = entry
        self._fit_input()

    def _fit_input(self) -> None:
        self.input.rows = min(10, str(self.input.value).count("\n") + 1)

    def submit(self, text: str | None) -> None:
        """A console line: the answer to a waiting readLine (None: end of input), or Io."""
        self.input.value = ""
        self._fit_input()
        if self.session.waiting_for_input:
            self.session.provide_input(text)
            self._end_input_mode()
        elif text.strip():
            self.history.add(text)
            js.localStorage.setItem(HISTORY_KEY, self.history.dumps())
            self.session.repl(text)
        self.driver.kick()
        self.update_controls()

    def on_input_request(self, prompt: str) -> None:
        """A program called readLine: the console line now answers it."""
        self.doc.getElementById("prompt-label").textContent = "input>"
        self.doc.querySelector(".prompt").classList.add("asking")
        self.input.setAttribute("aria-label",
                                "Input for the running program (Ctrl+D: end of input)")
        self.editor.setStatus("The program is waiting for a line of input in the console.")
        self.input.focus()

    def _end_input_mode(self) -> None:
        self.doc.getElementById("prompt-label").textContent = "Io>"
        self.doc.querySelector(".prompt").classList.remove("asking")
        self.input.setAttribute("aria-label", "Console input (Enter runs, Shift+Enter adds a line)")


def main() -> App:
    """Start the IDE (called from index.html once PyScript has loaded Python)."""
    js.performance.mark("pyio: IDE imported")  # the steps of the load time (docs/ide.md)
    app = App()
    js.performance.mark("pyio: Lobby built")
    js.window.pyioApp = create_proxy(app)
    app.ready()
    return app
