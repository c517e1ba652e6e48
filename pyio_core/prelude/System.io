// System: the Io-level part. The host (cli.py, the web page) replaces args, launchPath
// and launchScript when it runs a script.

System do(
    args := list()
    launchScript := nil
    launchPath := Directory currentWorkingDirectory
    iospecVersion := "0.1.0"
    iovmName := "iolanguage"
    ioPath := method(Path with(installPrefix, "lib", "io"))

    // getOptions(list("--a=1", "--b", "x")) -> Map: "a" -> "1", "b" -> "", "" -> list("x")
    getOptions := method(arguments,
        options := Map clone
        plain := List clone
        arguments foreach(arg,
            if(arg beginsWithSeq("--"),
                body := arg exSlice(2)
                eq := body findSeq("=")
                if(eq,
                    options atPut(body exSlice(0, eq), body exSlice(eq + 1)),
                    options atPut(body, "")
                )
            ,
                plain append(arg)
            )
        )
        if(plain isEmpty not, options atPut("", plain))
        options
    )

    // runCommand(cmd) -> an object with exitStatus, stdout, stderr, succeeded, failed
    runCommand := method(cmd, successStatus,
        expected := if(successStatus, successStatus, 0)
        result := Object clone
        base := Path with(System getEnvironmentVariable("TMPDIR") ifNilEval("/tmp"),
            "pyio-" .. System thisProcessPid .. "-" .. result uniqueId)
        status := System system("(" .. cmd .. ") > " .. base .. ".out 2> " .. base .. ".err")
        result exitStatus := status
        result successStatus := expected
        result succeeded := method(exitStatus == successStatus)
        result failed := method(succeeded not)
        list("stdout", "stderr") foreach(which,
            f := File with(base .. if(which == "stdout", ".out", ".err"))
            result setSlot(which, if(f exists, f contents, nil))
            f remove
        )
        result
    )
)

// true in the file that was run from the command line, false in files it loads
Object isLaunchScript := method(call message label == System launchScript)
