"""One module per proto family; importing this package registers every primitive."""

from . import (  # noqa: F401
    block,
    call,
    directory,
    exception,
    file,
    flow,
    list,
    map,
    number,
    object,
    system,
)
