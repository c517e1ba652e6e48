// Fetch a local file: the page's own data/planets.json, parsed as JSON.
data := JS fetchJson("data/planets.json")
planets := data get("planets")
planets foreach(p, writeln(p get("name"), " has ", p get("moons"), " moon(s)"))
