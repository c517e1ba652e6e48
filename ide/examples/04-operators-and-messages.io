// Operators and messages are data: inspect and build code at run time.
m := message(1 + 2 * 3)
writeln("code: ", m)
writeln("value: ", m doInContext(Lobby))
writeln("first message: ", m name, ", next: ", m next name)

Vector2 := Object clone do(
    x := 0; y := 0
    with := method(a, b, v := self clone; v x = a; v y = b; v)
    + := method(o, Vector2 with(x + o x, y + o y))
    asString := method("(" .. x .. ", " .. y .. ")")
)
writeln(Vector2 with(1, 2) + Vector2 with(10, 20))
