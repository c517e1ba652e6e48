// Events: a button whose click handler is an Io block.
out := DOM getElementById("output")
clicks := 0
button := DOM createElement("button") setTextContent("Click me")
button on("click", block(e,
    clicks = clicks + 1
    button setTextContent("Clicked " .. clicks .. " times")
    writeln("click ", clicks)
))
out appendChild(button)
writeln("Click the button in the Output pane.")
