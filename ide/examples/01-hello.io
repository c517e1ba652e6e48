// Hello, world: everything in Io is a message sent to an object.
"Hello, world!" println
writeln("1 + 2 = ", 1 + 2)
"pyio" size println
