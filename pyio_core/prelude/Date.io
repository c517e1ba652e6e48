// Date: the parts written in Io. Fields, formatting, parsing and arithmetic are primitives
// in protos/date.py (Duration's in protos/duration.py).

Date do(
    format := "%Y-%m-%d %H:%M:%S %Z"
    now  // the proto itself starts at the time the interpreter started, as upstream's does

    // midnight at the start of the receiver's day, set to today first
    today := method(now setHour(0) setMinute(0) setSecond(0))

    isToday := method(
        current := Date clone now
        year == current year and month == current month and day == current day
    )

    // RFC 4287 (Atom) form: 2026-11-21T05:13:40+00:00
    asAtomDate := method(
        offset := gmtOffset
        asString("%Y-%m-%dT%H:%M:%S") .. offset exSlice(0, 3) .. ":" .. offset exSlice(3)
    )

    asJson := method(asString asJson)

    // seconds since 1970, padded with zeros to 27 characters (sortable as text)
    asNumberString := method(asNumber asString alignLeft(27, "0"))
    timeStampString := method(Date clone now asNumberString)

    justSerialized := method(stream,
        fields := list("Year", "Month", "Day", "Hour", "Minute", "Second") map(name,
            "set" .. name .. "(" .. self perform(name asLowercase) .. ")"
        )
        stream write("Date clone do(" .. fields join(" ") .. ");")
    )
)
