// Exceptions: raise, catch by proto, and ensure the clean-up runs.
e := try(Exception raise("something went wrong"))
e catch(Exception, writeln("caught: ", e error))

safeDivide := method(a, b,
    if(b == 0, Exception raise("division by zero"))
    a / b
)
r := try(safeDivide(1, 0))
writeln("error: ", r error)
writeln("fine: ", safeDivide(10, 4))
