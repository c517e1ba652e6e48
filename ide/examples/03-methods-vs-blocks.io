// Methods and blocks: a method runs in its receiver, a block keeps its scope.
counter := Object clone do(
    count := 0
    bump := method(count = count + 1; self)
)
counter bump bump bump
writeln("count: ", counter count)

makeAdder := method(n, block(x, x + n))
add5 := makeAdder(5)
writeln("add5(10) = ", add5 call(10))
writeln("squares: ", list(1, 2, 3, 4) map(x, x * x))
