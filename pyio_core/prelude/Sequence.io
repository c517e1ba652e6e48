// Sequence: the parts of its behaviour best written in Io. Most methods are primitives
// in pyio_core/protos/sequence*.py.

// Upstream's String and ImmutableSequence are the empty Symbol itself.
Protos Core do(
    ImmutableSequence := ""
    String := ImmutableSequence
)

Sequence do(
    validEncodings := list("ascii", "utf8", "ucs2", "ucs4", "number")
    validItemTypes := list("uint8", "uint16", "uint32", "uint64",
        "int8", "int16", "int32", "int64", "float32", "float64")

    // as upstream, later matches are counted from the character after the first match
    findNthSeq := method(seq, n,
        at := self findSeq(seq)
        if(at isNil or n == 1, return at)
        at + self exclusiveSlice(at + 1) findNthSeq(seq, n - 1)
    )

    // split at each separator in turn; nil for separators that are not found
    orderedSplit := method(
        separators := call evalArgs
        if(separators isEmpty, return list(self))
        pieces := list
        from := 0
        missing := 0
        separators foreach(sep,
            at := self findSeq(sep, from)
            if(at isNil, missing = missing + 1; continue)
            pieces append(self exclusiveSlice(from, at))
            missing repeat(pieces append(nil))
            missing = 0
            from = at + sep size
        )
        pieces append(if(self isEmpty, nil, self exclusiveSlice(from)))
        missing repeat(pieces append(nil))
        pieces
    )

    sequenceSets := Map clone do(
        atPut("lowercaseSequence", "abcdefghijklmnopqrstuvwxyz" asList map(at(0)))
        atPut("uppercaseSequence", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" asList map(at(0)))
        atPut("digitSequence", "0123456789" asList map(at(0)))
    )

    asDecodedList := method(List fromEncodedList(self))

    slice := method(
        deprecatedWarning("exSlice")
        performWithArgList("exSlice", call evalArgs)
    )
)
