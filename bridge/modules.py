"""npm and ES modules from Io: ``JS import("lodash-es")``, plus fetch helpers on ``JS``.

Bare names go through a resolver: an explicit mapping first (``JS mapImport(name, url)``
or the page's ``io.importMap``), then a base URL (``JS setImportBase(url)`` or
``io.importBase``). By default the base is an ESM CDN in a browser, and nothing in Node,
where the runtime resolves bare names from node_modules itself.
"""

from __future__ import annotations

from pyio_core.errors import IoError

from .convert import to_js_args
from .futures import wait
from .jsobject import call_js, name_arg
from .prims import Table

T = Table("JS")

DEFAULT_CDN = "https://esm.sh/"
_URL_PREFIXES = ("./", "../", "/", "http:", "https:", "data:", "blob:", "file:", "node:")


class Resolver:
    """Maps a module specifier to what ``import()`` gets."""

    def __init__(self, glue) -> None:
        self.glue = glue
        self.mapping: dict[str, str] = {}
        self.base: str | None = None  # None: the environment's default

    def default_base(self) -> str:
        return "" if self.glue.isNode() else DEFAULT_CDN

    def resolve(self, name: str) -> str:
        if name in self.mapping:
            return self.mapping[name]
        mapped = self.glue.mappedImport(name)
        if isinstance(mapped, str):
            return mapped
        if name.startswith(_URL_PREFIXES):
            return name
        base = self.base
        if base is None:
            page_base = self.glue.importBase()
            base = page_base if isinstance(page_base, str) else self.default_base()
        if base and not base.endswith("/"):
            base += "/"
        return base + name


@T.lazy("import")
def import_(B, t, L, m):
    name = yield from name_arg(B, m, L, 0, "import")
    url = B.resolver.resolve(name)
    fut = call_js(B, m, B.glue.importModule, url)
    return (yield from wait(B, fut))


@T.lazy("resolveImport")
def resolve_import(B, t, L, m):
    return B.resolver.resolve((yield from name_arg(B, m, L, 0, "resolveImport")))


@T.lazy("mapImport")
def map_import(B, t, L, m):
    name = yield from name_arg(B, m, L, 0, "mapImport")
    B.resolver.mapping[name] = yield from name_arg(B, m, L, 1, "mapImport")
    return t


@T.lazy("setImportBase")
def set_import_base(B, t, L, m):
    v = yield from B.S.arg(m, L, 0)
    B.resolver.base = None if v is B.S.nil else (yield from name_arg(B, m, L, 0, "setImportBase"))
    return t


def fetch_body(B, m, L, reader: str):
    url = yield from name_arg(B, m, L, 0, "fetch" + reader.capitalize())
    glue = B.glue
    response = yield from wait(B, call_js(B, m, glue.invoke, B.js_global.js, "fetch",
                                          to_js_args(B, [url])))
    if call_js(B, m, glue.get, response.js, "ok") is not B.S.true:
        status = call_js(B, m, glue.get, response.js, "status")
        raise IoError(f"fetch {url}: HTTP status {B.S.simple_string(status)}")
    return (yield from wait(B, call_js(B, m, glue.invoke, response.js, reader, to_js_args(B, []))))


@T.lazy("fetchText")
def fetch_text(B, t, L, m):
    return (yield from fetch_body(B, m, L, "text"))


@T.lazy("fetchJson")
def fetch_json(B, t, L, m):
    return (yield from fetch_body(B, m, L, "json"))


def install(B) -> None:
    T.install(B.S, B.js_global, B)
