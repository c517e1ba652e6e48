// Coroutines: @@ starts a message in its own coroutine; yield lets others run.
ping := Object clone do(run := method(3 repeat(writeln("ping"); yield)))
pong := Object clone do(run := method(3 repeat(writeln("  pong"); yield)))
ping @@run
pong @@run
yield; yield; yield; yield
writeln("done")
