// Objects and protos: clone an object, then specialise the clone.
Animal := Object clone do(
    name := "an animal"
    speak := method(writeln(name, " makes a sound"))
)
Dog := Animal clone do(
    speak := method(writeln(name, " says woof"))
)
rex := Dog clone
rex name = "Rex"
rex speak
Animal speak
writeln("Rex's proto is Dog? ", rex proto == Dog)
writeln("Rex is an Animal? ", rex isKindOf(Animal))
