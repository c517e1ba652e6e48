// Canvas animation with timers: a ball bounces for two seconds.
out := DOM getElementById("output")
canvas := DOM createElement("canvas")
canvas set("width", 300); canvas set("height", 120)
out appendChild(canvas)
ctx := canvas getContext("2d")
x := 20; dx := 6
40 repeat(
    ctx clearRect(0, 0, 300, 120)
    ctx set("fillStyle", "tomato")
    ctx beginPath; ctx arc(x, 60, 15, 0, 6.2832); ctx fill
    if(x > 280 or x < 20, dx = dx negate)
    x = x + dx
    System sleep(0.05)
)
writeln("animation done")
