// Actors and futures: @ sends a message asynchronously and answers a future.
slow := Object clone do(
    square := method(n, System sleep(0.2); n * n)
)
f := slow @square(12)
writeln("asked, waiting...")
writeln("the answer: ", f)
