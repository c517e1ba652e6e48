// DOM drawing: build elements in the Output pane.
out := DOM getElementById("output")
title := DOM createElement("h2") setTextContent("Drawn by Io")
out appendChild(title)
list("red", "green", "blue") foreach(colour,
    box := DOM createElement("div") setTextContent(colour)
    box style set("background", colour)
    box style set("color", "white")
    box style set("padding", "4px")
    out appendChild(box)
)
writeln("drew ", out children size, " elements")
