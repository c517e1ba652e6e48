// Input: ReadLine readLine asks in the console (the program pauses, the page does not).
name := ReadLine readLine("What is your name? ")
writeln("Hello, ", name, "!")
