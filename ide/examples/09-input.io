// Input: readLine waits for you to answer in the console (the program pauses, the page does not).
writeln("What is your name?")
name := File standardInput readLine
writeln("Hello, ", name, "!")
