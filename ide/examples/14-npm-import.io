// An npm import: lodash-es (bundled into this site by make site), called from Io.
_ := JS import("lodash-es")
writeln(_ camelCase("hello io world"))
writeln(_ chunk(list(1, 2, 3, 4, 5), 2) size, " chunks")
writeln(_ capitalize("pyio"))
