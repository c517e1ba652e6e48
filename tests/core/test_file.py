"""File, Directory and Path, as Io code sees them (each test runs in a fresh directory)."""

from __future__ import annotations

import sys

import pytest

from pyio_core import CaptureHost, Interpreter


@pytest.fixture
def io(tmp_path, monkeypatch):
    """Run Io code in tmp_path; return its output, one printed value per line."""
    monkeypatch.chdir(tmp_path)

    def run(code: str) -> list[str]:
        host = CaptureHost()
        Interpreter(host=host).do_string(code)
        return host.output.split("\n")[:-1]

    return run


def test_with_name_path(io):
    assert io('f := File with("dir/a.txt"); f name println; f path println') == [
        "a.txt", "dir/a.txt"]


def test_create_exists_size_remove(io, tmp_path):
    assert io('f := File with("a.txt")\n'
              "f exists println\n"
              "(f create == f) println\n"
              "f exists println\n"
              "f size println\n"
              "f remove exists println") == ["false", "true", "true", "0", "false"]
    assert not (tmp_path / "a.txt").exists()


def test_contents_round_trip(io, tmp_path):
    out = io('f := File with("a.txt") setContents("hello\\nwörld\\n")\n'
             "f contents print\n"
             "f contents type println\n"
             "f contents isMutable println\n"
             "f size println")
    assert out == ["hello", "wörld", "Sequence", "true", "13"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "hello\nwörld\n"


def test_read_lines(io, tmp_path):
    (tmp_path / "l.txt").write_text("one\ntwo\r\nthree")
    assert io('f := File with("l.txt") openForReading\n'
              "f readLine println; f readLine println; f readLine println\n"
              "f readLine println\n"
              "f isAtEnd println\n"
              "f close\n"
              "f readLines println") == ["one", "two", "three", "nil", "true",
                                         'list("one", "two", "three")']


def test_foreach_line(io, tmp_path):
    (tmp_path / "l.txt").write_text("a\nb\n")
    assert io('File with("l.txt") foreachLine(line, ("<" .. line .. ">") println)') == [
        "<a>", "<b>"]


def test_write_and_append(io, tmp_path):
    io('f := File with("w.txt") open\n'
       'f write("ab", "cd") close\n'
       'f appendToContents("e", "f")')
    assert (tmp_path / "w.txt").read_text() == "abcdef"


def test_read_string_and_position(io, tmp_path):
    (tmp_path / "p.txt").write_text("abcdef")
    assert io('f := File with("p.txt") openForReading\n'
              "f readStringOfLength(2) println\n"
              "f position println\n"
              "f setPosition(4) readStringOfLength(10) println\n"
              "f readStringOfLength(1) println\n"
              "f rewind at(1) println") == ["ab", "2", "ef", "nil", "98"]


def test_errors(io):
    out = io('try(File with("nope.txt") contents) error println\n'
             'try(File with("nope.txt") readLine) error println\n'
             'try(File with("nope.txt") size) error println\n'
             'File with("r.txt") create\n'
             'try(File with("r.txt") openForReading write("x")) error println\n'
             'try(File with("nope/x") open) error println')
    assert out == [
        "unable to read file 'nope.txt'",
        "file 'nope.txt' not yet open",
        "unable to stat 'nope.txt': No such file or directory",
        "file 'r.txt' not open for write",
        "unable to open file path 'nope/x': No such file or directory",
    ]


def test_move_to(io, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    # like upstream, the File keeps its old path (Directory moveTo updates its own)
    assert io('File with("a.txt") moveTo("b.txt") path println') == ["a.txt"]
    assert (tmp_path / "b.txt").read_text() == "x" and not (tmp_path / "a.txt").exists()


def test_base_name_and_parent(io):
    assert io('File with("x.tar.gz") baseName println\n'
              'File with("noext") baseName println\n'
              'File with("/a/b/c.io") parentDirectory path println\n'
              '"q.txt" asFile name println') == ["x.tar", "", "/a/b", "q.txt"]


def test_standard_output(io):
    assert io('File standardOutput write("std", "out\\n")\n'
              "(File standardOutput == File standardOutput) println") == ["stdout", "true"]


def test_standard_input():
    host = CaptureHost(["line one", "line two"])
    Interpreter(host=host).do_string("File standardInput readLine println\n"
                                     "File standardInput readLine println\n"
                                     "File standardInput readLine println")
    assert host.output == "line one\nline two\nnil\n"


def test_read_lines_from_standard_input():
    host = CaptureHost(["a", "b"])
    Interpreter(host=host).do_string("File standardInput readLines println")
    assert host.output == 'list("a", "b")\n'


def test_contents_of_standard_input_reads_to_the_end():
    host = CaptureHost(["x", "y"])
    Interpreter(host=host).do_string("File standardInput contents print")
    assert host.output == "x\ny\n"


def test_readline_prompts_and_answers_the_line():
    host = CaptureHost(["Ada"])
    Interpreter(host=host).do_string('name := ReadLine readLine("Name? ")\n'
                                     'writeln("[", name, "]")\n'
                                     'ReadLine readLine("More? ") println')
    assert host.output == "Name? [Ada]\nMore? nil\n"


def test_readline_prompt_must_be_text():
    host = CaptureHost(["x"])
    Interpreter(host=host).do_string('e := try(ReadLine readLine(3))\ne error println')
    assert "must be a Sequence" in host.output


class ParkingHost(CaptureHost):
    """A host that cannot block, as a web page: input parks the coroutine, and the test
    answers later, as a user typing in the IDE's console would."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = []

    def input_line(self, S, prompt=""):
        from pyio_core.eval.requests import PARK

        self.write(prompt)
        self.waiting.append(S.coro)
        S.external_waits += 1
        return (yield PARK)


def test_input_parks_only_the_reading_coroutine():
    host = ParkingHost()
    it = Interpreter(host=host)
    co = it.start('writeln(ReadLine readLine("? "), "!")\n'
                  'writeln(File standardInput readLine, "?")')
    it.run_slice()
    assert host.output == "? " and not co.finished
    it.external_waits -= 1
    it.wake(host.waiting.pop(), "hi")
    it.run_slice()
    assert host.output == "? hi!\n" and not co.finished
    it.external_waits -= 1
    it.wake(host.waiting.pop(), None)  # end of input
    it.run_slice()
    assert co.finished and host.output == "? hi!\nnil?\n"


def test_foreach_line_on_stdin_waits_for_each_line():
    host = ParkingHost()
    it = Interpreter(host=host)
    co = it.start('File standardInput foreachLine(i, line, writeln(i, ": ", line))\n'
                  '"done" println')
    for typed in ("first", "second"):
        it.run_slice()
        assert not co.finished and host.waiting
        it.external_waits -= 1
        it.wake(host.waiting.pop(), typed)
    it.run_slice()
    it.external_waits -= 1
    it.wake(host.waiting.pop(), None)  # end of input
    it.run_slice()
    assert co.finished and host.output == "0: first\n1: second\ndone\n"


def test_foreach_line_and_foreach_byte_on_files(io, tmp_path):
    out = io('f := File with("lines.txt") open; f write("a\\nbc\\n"); f close\n'
             'File with("lines.txt") foreachLine(i, l, writeln(i, " ", l))\n'
             'File with("lines.txt") open foreach(b, write(b, " ")); "" println')
    assert out == ["0 a", "1 bc", "97 10 98 99 10 "]


# -- Directory -----------------------------------------------------------------------------
def test_directory_create_and_list(io, tmp_path):
    out = io('d := Directory with("sub")\n'
             "d exists println\n"
             "d create path println\n"
             "d exists println\n"
             'd createSubdirectory("inner") path println\n'
             'File with("sub/f1.txt") create\n'
             "d items map(name) println\n"
             "d items map(type) println\n"
             "d files map(name) println\n"
             "d directories map(name) println\n"
             "d size println")
    assert out == ["false", "sub", "true", "sub/inner",
                   'list(".", "..", "f1.txt", "inner")',
                   'list("Directory", "Directory", "File", "Directory")',
                   'list("f1.txt")', 'list("inner")', "4"]


def test_directory_at_and_named(io, tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_text("")
    assert io('d := Directory with("d")\n'
              'd at("f") type println\n'
              'd at("zzz") println\n'
              'd fileNamed("q") path println\n'
              'd directoryNamed("q") path println\n'
              'Directory with("d/e") parentDirectory path println\n'
              'Directory with("d") parentDirectory path println\n'
              'Directory with(".") parentDirectory println') == [
        "File", "nil", "d/q", "d/q", "d", ".", "nil"]


def test_files_with_extension_and_walk(io, tmp_path):
    (tmp_path / "t" / "s").mkdir(parents=True)
    for name in ("t/a.x", "t/b.y", "t/s/c.x"):
        (tmp_path / name).write_text("")
    assert io('t := Directory with("t")\n'
              't filesWithExtension("x") map(name) println\n'
              't filesWithExtension(".y") map(name) println\n'
              "found := list(); t walk(f, found append(f name)); found sort println\n"
              't recursiveFilesOfTypes(list(".x")) map(name) sort println') == [
        'list("a.x")', 'list("b.y")', 'list("a.x", "b.y", "c.x", "s")',
        'list("a.x", "c.x")']


def test_accessible_remove_move(io, tmp_path):
    assert io('Directory with(".") isAccessible println\n'
              'Directory with("zz") isAccessible println\n'
              'try(Directory with("zz") items) error println\n'
              'Directory with("x/y/z") createIfAbsent exists println\n'
              'Directory with("x") remove exists println\n'
              'Directory with("m1") create moveTo("m2") path println\n'
              'Directory with("m2") exists println') == [
        "true", "false", "Unable to open directory zz", "true", "false", "m2", "true"]


def test_current_working_directory(io, tmp_path):
    assert io("Directory currentWorkingDirectory println") == [str(tmp_path)]


# -- Path ----------------------------------------------------------------------------------
def test_path(io, tmp_path):
    assert io('Path with("a", "b/", "/c") println\n'
              'Path with("", "b") println\n'
              'Path with("a", nil, "b") println\n'
              'Path isPathAbsolute("a") println\n'
              'Path isPathAbsolute("/a") println\n'
              'Path absolute("x") println\n'
              'Path absolute("/y") println') == [
        "a/b/c", "b", "a/b", "false", "true", f"{tmp_path}/x", "/y"]


# -- bytes, streaming, pipes ---------------------------------------------------------------
def test_foreach_bytes_and_at_put(io, tmp_path):
    (tmp_path / "s.txt").write_text("abc")
    assert io('g := File with("s.txt") open\n'
              'g foreach(i, b, write(i, ":", b, " ")); "" println\n'
              'g rewind foreach(b, write(b, " ")); "" println\n'
              "g atPut(0, 65) close contents println") == ["0:97 1:98 2:99 ", "97 98 99 ", "Abc"]


def test_read_to_buffer_and_stream(io, tmp_path):
    (tmp_path / "s.txt").write_text("abcdef")
    assert io('g := File with("s.txt") openForReading\n'
              "b := Sequence clone\n"
              "g readToBufferLength(b, 4) println; b println\n"
              'out := File with("o.txt") open\n'
              "g streamTo(out) close; out close contents println") == ["4", "abcd", "ef"]


@pytest.mark.skipif(sys.platform == "emscripten", reason="no processes in the browser")
def test_popen(io):
    assert io('f := File with("echo hello; echo world; exit 3") popen\n'
              "f isPipe println\n"
              "f readLine println\n"
              "f readLines println\n"
              "f close exitStatus println") == ["true", "hello", 'list("world")', "3"]


def test_foreach_line_with_index_and_break(io, tmp_path):
    (tmp_path / "l.txt").write_text("a\nb\nc\n")
    assert io('f := File with("l.txt")\n'
              'r := f foreachLine(i, l, write(i, l, " "); if(i == 1, break))\n'
              '"" println; r println; f isOpen println') == ["0a 1b ", "nil", "false"]
