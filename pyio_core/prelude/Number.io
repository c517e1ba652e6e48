// Number: the parts written in Io. Arithmetic, math, bits and formatting are primitives
// in protos/number.py.

Number do(
    // `Number constants pi` and friends live on their own object, as upstream has them
    constants := Object clone do(
        pi := 3.141592653589793
        e := 2.718281828459045
        inf := 1 / 0
        nan := 0 / 0
    )

    // n things taken r at a time: ordered (permutations) or not (combinations)
    permutations := method(r, factorial / (self - r) factorial)
    combinations := method(r, factorial / (r factorial * (self - r) factorial))

    // the receiver forced into [low, high] (low wins when they cross)
    minMax := method(low, high, min(high) max(low))

    isInASequenceSet := method(
        Sequence sequenceSets values detect(chars, chars contains(self)) != nil
    )

    justSerialized := method(stream, stream write(asSimpleString))
)
