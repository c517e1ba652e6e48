// Lists and maps: the everyday collections.
primes := list(2, 3, 5, 7, 11, 13)
writeln("sum: ", primes sum, ", odd: ", primes select(isOdd))
ages := Map clone atPut("ada", 36) atPut("alan", 41)
ages foreach(name, age, writeln(name, " is ", age))
writeln("sorted names: ", ages keys sort)
