// Importer: sending an unknown capitalised name (`Foo bar`) loads Foo.io from the search
// paths. The search itself is Importer autoImportingForward (protos/system.py).

Importer do(
    // directories searched before System launchPath and $IOIMPORT ("" = the current one)
    paths := list("")
    addSearchPath := method(p, paths appendIfAbsent(Path absolute(p)); self)
    removeSearchPath := method(p, paths remove(Path absolute(p)); self)

    turnOn := method(Lobby forward := Importer getSlot("autoImportingForward"); self)
    turnOff := method(Lobby removeSlot("forward"); self)
    turnOn
)
