// File, Directory and Path: the convenience layer over the primitives in
// protos/file.py and protos/directory.py.

File do(
    with := method(aPath, self clone setPath(aPath))

    // one shared File per standard stream, like upstream
    standardInput := File standardInput
    standardOutput := File standardOutput
    standardError := File standardError

    exitStatus := nil
    termSignal := nil
    streamReadSize := 65536

    create := method(if(self open, self close; self, nil))
    setContents := method(text, self truncateToSize(0) open write(text) close; self)
    appendToContents := method(
        self openForAppending
        call evalArgs foreach(text, self write(text))
        self close
    )
    copyToPath := method(destination,
        File with(destination) setContents(self contents)
        self
    )
    copyToPathWithoutYielding := getSlot("copyToPath")

    // streaming: copy the rest of the file, streamReadSize bytes at a time, to anything
    // that answers write (another File, a socket...); streamTo yields between chunks
    streamDestination := nil
    setStreamDestination := method(destination, self streamDestination = destination; self)
    streamTo := method(destination, yielding,
        self open
        while((chunk := self readStringOfLength(streamReadSize)) != nil,
            destination write(chunk)
            if(yielding != false, yield)
        )
        self
    )
    streamToWithoutYielding := method(destination, streamTo(destination, false))
    startStreaming := method(streamTo(streamDestination))

    // the name up to its last "." ("a.b.c" -> "a.b"; upstream gives "" without a dot)
    baseName := method(
        n := self name
        i := n reverseFindSeq(".")
        if(i, n exSlice(0, i), "")
    )

    parentDirectory := method(Directory with(self path pathComponent))
    containingDirectory := method(parentDirectory)
    thisSourceFile := method(File with(Path absolute(call message label)))
)

Sequence asFile := method(File with(self))

Directory do(
    with := method(aPath, self clone setPath(aPath))

    // "." and ".." are listed by items but are never real children
    localItems := method(self items select(i, i name != "." and i name != ".."))
    files := method(self items select(i, i type == "File"))
    fileNames := method(self files map(name))
    directories := method(self localItems select(i, i isKindOf(Directory)))
    folders := method(directories)

    fileNamed := method(aName, File with(Path with(self path, aName)))
    directoryNamed := method(aName, Directory with(Path with(self path, aName)))
    folderNamed := method(aName, directoryNamed(aName))
    createFileNamed := method(aName, fileNamed(aName))

    filesWithExtension := method(ext,
        if(ext containsSeq(".") not, ext = "." .. ext)
        self files select(f, f name endsWithSeq(ext))
    )

    isAccessible := method(try(self items) isNil)

    parentDirectory := method(
        if(self path == ".", return nil)
        p := self path pathComponent
        Directory with(if(p == "", ".", p))
    )
    ancestorDirectories := method(
        found := List clone
        d := self
        while(d = d parentDirectory, found append(d))
        found reverseInPlace
    )
    parents := method(ancestorDirectories)
    accessibleAncestors := method(ancestorDirectories select(isAccessible))
    accessibleParents := method(accessibleAncestors)

    createIfAbsent := method(
        if(self exists not,
            p := self parentDirectory
            if(p and p exists not, p createIfAbsent)
            self create
        )
        self
    )

    // walk(f, body) / walk(message): like `map` over every item below this directory
    // (files and directories, depth first, "." and ".." left out)
    walk := method(
        kids := self localItems
        call delegateToMethod(kids, "map")
        kids foreach(k, if(k isKindOf(Directory), call delegateTo(k)))
        nil
    )

    recursiveFilesOfTypes := method(suffixes,
        found := List clone
        self walk(item,
            if(item isKindOf(File) and suffixes detect(s, item name endsWithSeq(s)),
                found append(item)
            )
        )
        found
    )

    remove := method(
        self localItems foreach(remove)
        File with(self path) remove
        self
    )

    moveTo := method(destination,
        File with(self path) moveTo(destination)
        self setPath(destination)
    )
)

Path hasDriveLetters := false
