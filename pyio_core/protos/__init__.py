"""One module per proto family; importing this package registers every primitive."""

from . import (  # noqa: F401
    block,
    call,
    coroutine,
    directory,
    exception,
    file,
    flow,
    list,
    map,
    message,
    number,
    object,
    operators,
    sequence,
    sequence_bytes,
    sequence_path,
    sequence_text,
    system,
)
