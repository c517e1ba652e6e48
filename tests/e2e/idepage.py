"""The IDE page as a user sees it (a module of its own, not conftest, so test files can
import it whatever other conftest.py pytest loaded first)."""

from __future__ import annotations

import time
from pathlib import Path

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


class IDE:
    """The page as a user sees it, with the few actions the tests need."""

    def __init__(self, browser, url: str) -> None:
        self.b = browser
        self.url = url

    def open(self, path: str = "/index.html", clear: bool = True) -> IDE:
        if clear:
            self.b.get(self.url + "/favicon.ico")  # same origin, so storage can be cleared
            self.b.execute_script("localStorage.clear()")
        self.b.get(self.url + path)
        return self

    def wait_ready(self, timeout: float = 120) -> IDE:
        self.wait(lambda: self.js("return document.body.dataset.ready === 'true'"), timeout)
        return self

    def wait(self, cond, timeout: float = 20, what: str = "condition"):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = cond()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; console: {self.console_text()!r}")

    def js(self, script: str, *args):
        return self.b.execute_script(script, *args)

    def el(self, css: str):
        from selenium.webdriver.common.by import By

        return self.b.find_element(By.CSS_SELECTOR, css)

    def code(self) -> str:
        return self.js("return pyioEditor.getCode()")

    def set_code(self, text: str) -> None:
        self.js("pyioEditor.setCode(arguments[0])", text)

    def type_code(self, text: str) -> None:
        """Replace the editor's text by typing it, as a user would."""
        from selenium.webdriver.common.keys import Keys

        content = self.el(".cm-content")
        content.click()
        content.send_keys(Keys.CONTROL, "a")
        content.send_keys(Keys.DELETE)
        content.send_keys(text)

    def click(self, css: str) -> None:
        self.el(css).click()

    def console_text(self) -> str:
        try:
            return self.js("return document.getElementById('console').textContent")
        except Exception:
            return "<no page>"

    def running(self) -> bool:
        return self.js("return document.body.dataset.running === 'true'")

    def run(self, code: str | None = None, timeout: float = 20) -> str:
        """Run the editor's code (after setting it) and wait until it is done; returns
        the console text it added."""
        if code is not None:
            self.set_code(code)
        before = len(self.console_text())
        self.click("#run")
        self.wait(lambda: not self.running(), timeout, "the run to end")
        return self.console_text()[before:]

    def console_entry(self, text: str, timeout: float = 20) -> str:
        """Type a console line and press Enter; returns the console text it added."""
        from selenium.webdriver.common.keys import Keys

        before = len(self.console_text())
        box = self.el("#console-input")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)
        self.wait(lambda: not self.running(), timeout, "the console entry to end")
        return self.console_text()[before:]

    def screenshot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / name
        self.b.save_screenshot(str(path))
        return path
