"""Top-level loops run compiled with memories that skip lookups: each must fall back.

A top-level ``for`` is compiled with its body inline. Its assignments to the context
(``s = s + i``, ``c := P clone``) store without a lookup while the site's memory says the
context's ``updateSlot``/``setSlot`` is the built-in; its sends to values (``c bump``,
``i asString``) read the holder the site remembered; ``P clone`` makes the object inline
while the clone's ``init`` is Object's own. Every test changes, in the middle of a loop,
something one of those memories assumed, and checks the output against the interpreter's
(the reference) and against what the user expects.
"""

from __future__ import annotations

import pytest

from iotest import interpreted


def run(code: str) -> str:
    """What ``code`` prints compiled, after checking the interpreter prints the same."""
    out = interpreted(code, compiled=True)
    assert out == interpreted(code)
    return out


# -- x = v / x := v at top level --------------------------------------------------------

@pytest.mark.parametrize("change", [
    "Object updateSlot := method(n, v, write(\"U\"); self setSlot(n, v))",  # the holder's value
    "updateSlot := method(n, v, write(\"U\"); self setSlot(n, v))",  # the context's own slot
    "Protos updateSlot := method(n, v, write(\"U\"); self setSlot(n, v))",  # a proto between
    "Lobby prependProto(Object clone do(updateSlot := method(n, v, write(\"U\"); "
    "self setSlot(n, v))))",  # the context's protos list
])
def test_an_assignment_at_top_level_sees_a_new_update_slot(change):
    out = run(
        "s := 0\n"
        f"for(i, 1, 6, s = s + i; write(s, \" \"); if(i == 3, {change}))\n"
        "s println\n"
    )
    assert out == "1 3 6 U10 U15 U21 21\n"


@pytest.mark.parametrize("change", [
    "Object setSlot := method(n, v, write(\"S\"); self updateSlot(n, v))",
    "setSlot := method(n, v, write(\"S\"); self updateSlot(n, v))",
    "Protos setSlot := method(n, v, write(\"S\"); self updateSlot(n, v))",
])
def test_a_definition_at_top_level_sees_a_new_set_slot(change):
    out = run(
        "x := 0\n"
        f"for(i, 1, 5, x := i; write(x, \" \"); if(i == 2, {change}))\n"
        "x println\n"
    )
    assert out == "1 2 S3 S4 S5 5\n"


def test_an_assignment_to_a_removed_slot_fails_as_update_slot():
    out = run(
        "s := 0\n"
        'e := try(for(i, 1, 5, s = i; if(i == 3, Lobby removeSlot("s"))))\n'
        "e error println\n"
        "list(e caughtMessage name, i, Lobby hasLocalSlot(\"s\")) println\n"
    )
    assert out == ("Slot s not found. Must define slot using := operator before updating.\n"
                   'list("updateSlot", 4, false)\n')


@pytest.mark.parametrize("assign", ["s = ", "s := "])
def test_an_assignment_whose_value_removes_the_slot(assign):
    # the store skips looking for its slot while nothing ran since the guard held: the
    # value's own code ran here, so = fails as updateSlot and := makes the slot anew
    out = run(
        "s := 0\n"
        f'e := try(for(i, 1, 5, {assign}(if(i == 3, Lobby removeSlot("s")); i)))\n'
        'list(if(e, e error, nil), Lobby getSlot("s"), i) println\n'
    )
    assert out == ('list("Slot s not found. Must define slot using := operator before '
                   'updating.", nil, 3)\n' if assign == "s = " else "list(nil, 5, 5)\n")


def test_an_assignment_to_a_name_the_context_lacks_fails_in_every_run():
    # each run of the loop asks its guard again: the slot must be the context's own
    out = run(
        'for(j, 1, 4, e := try(for(i, 1, 2, nosuch = i)); write(if(e, "error", "stored"), ";"))\n'
        'Lobby hasLocalSlot("nosuch") println\n'
    )
    assert out == "error;" * 4 + "false\n"


def test_a_definition_whose_value_removed_the_slot_makes_a_new_one():
    # c is a proto (nobody's leaf): m's lookup in self remembers c and where `s` was,
    # without reading c's slots again; the slot made anew in turn 3 (its guard held
    # before the value ran) must move the shape
    out = run(
        'o := Object clone do(s := "p"; m := method(s))\n'
        "c := o clone\n"
        "d := c clone\n"
        'c do(s := 0; for(i, 1, 4, write(m, " "); '
        's := (if(i == 3, removeSlot("s"); write(m, " ")); i)))\n'
    )
    assert out == "0 1 2 p 3 "


def test_an_assignment_finds_a_slot_of_a_proto():
    # updateSlot on a name a proto has gives the context a slot of its own
    out = run(
        "Protos shared := 100\n"
        "for(i, 1, 3, shared = shared + i)\n"
        "list(shared, Protos shared, Lobby hasLocalSlot(\"shared\")) println\n"
    )
    assert out == "list(106, 100, true)\n"


def test_a_loop_in_a_new_clone_sees_the_update_slot_it_defines():
    # a new clone is a leaf: a slot it gets moves no shape, so its own slots are read
    out = run(
        "o := Object clone do(x := 0)\n"
        "o do(for(i, 1, 4, x = x + i; if(i == 2, updateSlot := method(n, v, "
        "write(\"own \"); self setSlot(n, v)))))\n"
        "o x println\n"
    )
    assert out == "own own 10\n"


# -- sends to values: c bump, i asString -------------------------------------------------

@pytest.mark.parametrize("change, expected", [
    ('P greeting := "updated"', "updated"),
    ('P removeSlot("greeting")', "G's"),
    ('G greeting := "G2"; P removeSlot("greeting")', "G2"),
    ('P removeSlot("greeting"); P setProto(Object clone do(greeting := "other"))', "other"),
    ('P removeSlot("greeting"); P prependProto(Object clone do(greeting := "first"))',
     "first"),
])
def test_a_send_to_a_proto_sees_every_change(change, expected):
    # P is nobody's leaf: the site remembers P itself and where greeting was found
    out = run(
        'G := Object clone do(greeting := "G\'s")\n'
        'P := G clone do(greeting := "P\'s")\n'
        f"for(i, 1, 4, r := P greeting; if(i == 2, {change}); write(r, \";\"))\n"
    )
    assert out == f"P's;P's;{expected};{expected};"


@pytest.mark.parametrize("change, expected", [
    ('P greeting := "updated"', "updated"),
    ('P removeSlot("greeting")', "G's"),
    ('Object greeting := "Object\'s"; G removeSlot("greeting"); P removeSlot("greeting")',
     "Object's"),
    ('P removeSlot("greeting"); P setProto(Object clone do(greeting := "other"))', "other"),
])
def test_a_send_to_new_clones_sees_every_change(change, expected):
    # a new clone each turn (a leaf): the site remembers its class and proto
    out = run(
        'G := Object clone do(greeting := "G\'s")\n'
        'P := G clone do(greeting := "P\'s")\n'
        f"for(i, 1, 4, c := P clone; if(i == 3, {change}); write(c greeting, \";\"))\n"
    )
    assert out == f"P's;P's;{expected};{expected};"


def test_a_send_to_new_clones_reads_their_own_slots_first():
    out = run(
        'P := Object clone do(greeting := "P\'s")\n'
        'for(i, 1, 5, c := P clone; if(i isOdd, c greeting := "own " .. i); '
        'write(c greeting, ";"))\n'
    )
    assert out == "own 1;P's;own 3;P's;own 5;"


def test_one_send_site_with_receivers_of_every_kind():
    out = run(
        'Number what := "a number"; Sequence what := "a string"; List what := "a list"\n'
        'P := Object clone do(what := "a P")\n'
        'items := list(1, "s", list(), P, P clone, P clone do(what := "own"), 2, P clone)\n'
        "for(i, 0, items size - 1, write(items at(i) what, \";\"))\n"
    )
    assert out == "a number;a string;a list;a P;a P;own;a number;a P;"


def test_a_send_nobody_answers_forwards_or_fails():
    out = run(
        "P := Object clone\n"
        "for(i, 1, 4, if(i == 3, P forward := method(call message name .. \"?\")); "
        "e := try(r := P clone nothing); write(if(e, e error, r), \";\"))\n"
    )
    assert out == ("P does not respond to 'nothing';" * 2
                   + "nothing?;nothing?;")


# -- P clone ------------------------------------------------------------------------------

@pytest.mark.parametrize("change", [
    'P init := method(write("init "))',  # the receiver's own
    'G init := method(write("init "))',  # a proto that had none
    'Object init := method(write("init "))',  # the holder's value
])
def test_a_clone_in_a_loop_runs_an_init_defined_later(change):
    out = run(
        "G := Object clone\n"
        "P := G clone\n"
        f"for(i, 1, 4, c := P clone; write(i, \" \"); if(i == 2, {change}))\n"
    )
    assert out == "1 2 init 3 init 4 "


@pytest.mark.parametrize("change", [
    'P init := method(write("new "))',  # another block in the same holder
    'P getSlot("init") setMessage(message(write("edited ")))',  # its body replaced
    'P removeSlot("init")',  # Object's own again
    'P getSlot("init") setIsActivatable(false)',  # a value: the clone is just made
    'P setProto(Object clone do(init := method(write("Q "))))',  # P's own still answers
])
def test_a_clone_in_a_loop_runs_its_init_method_as_the_primitive_does(change):
    # an init of the program's runs straight through its compiled entry while the site's
    # memory names that block: each change here must reach the clones made after it
    out = run(
        'P := Object clone do(init := method(self n := 1; write("init ")))\n'
        f"for(i, 1, 8, c := P clone; write(c getSlot(\"n\"), \" \"); if(i == 5, {change}))\n"
        "writeln\n"
    )
    assert out.startswith("init 1 " * 5)


def test_an_init_method_gets_the_call_the_primitive_gives_it():
    # sent `init` by the Lobby, at top level as in a method
    out = run(
        'P := Object clone do(init := method(write(call sender == Lobby, call message name, " ")))\n'
        "for(i, 1, 6, P clone)\n"
        "f := method(for(i, 1, 4, P clone)); f\n"
    )
    assert out == "trueinit " * 10


def test_an_init_that_redefines_an_assignment_is_seen_by_the_loop():
    # the init is a call: what the loop knew about its context's assignments must be
    # looked at again (a guard that held is not tested again while nothing was called)
    out = run(
        "flip := false; t := 0\n"
        'P := Object clone do(init := method(if(flip, Lobby updateSlot := method(n, v, write("[=] "); v))))\n'
        "for(i, 1, 8, if(i == 5, flip = true); c := P clone; t = t + 1)\n"
        "t println\n"
    )
    assert out == "[=] " * 4 + "4\n"


@pytest.mark.parametrize("change", [
    'Object clone := method("custom")',
    'P clone := method("custom")',
    'P setProto(Object clone do(clone := method("custom")))',
])
def test_a_clone_in_a_loop_sees_a_redefined_clone(change):
    out = run(
        "P := Object clone\n"
        f"for(i, 1, 4, c := P clone; write(c type, \" \"); if(i == 2, {change}))\n"
    )
    assert out == "P P Sequence Sequence "


def test_clones_made_in_a_loop_are_new_objects_of_their_proto():
    out = run(
        "P := Object clone do(x := 1)\n"
        "made := list\n"
        "for(i, 1, 4, c := P clone; d := c clone; c x := i; made append(d))\n"
        "made map(x) println\n"
        "list(P x, made at(0) proto == made at(1) proto, made at(0) proto proto == P) println\n"
        "list(1, 2) clone append(3) println\n"
    )
    assert out == "list(1, 2, 3, 4)\nlist(1, false, true)\nlist(1, 2, 3)\n"


def test_a_clone_of_a_list_in_a_loop_copies_its_items():
    out = run(
        "L0 := list(1, 2)\n"
        "for(i, 1, 3, l := L0 clone; l append(i); write(l, \" \"))\n"
        "L0 println\n"
    )
    assert out == "list(1, 2, 1) list(1, 2, 2) list(1, 2, 3) list(1, 2)\n"


@pytest.mark.parametrize("code, expected", [
    # a non-activatable block as the slot: the send answers it, nothing is stored
    ("s := 0; u := block(n, v, nil)\n"
     "for(i, 1, 4, s = s + i; if(i == 2, updateSlot := u))\n"
     "s println", "3"),
    ("x := 0; u := block(n, v, nil)\n"
     "for(i, 1, 4, x := i; if(i == 2, setSlot := u))\n"
     "x println", "2"),
    ("s := 0; u := block(n, v, nil)\n"
     "for(i, 1, 4, s = s + i; if(i == 2, Lobby updateSlot := u))\n"
     "s println", "3"),
    ("s := 0\n"
     "for(j, 1, 4, s = s + 1; if(j == 2, for(updateSlot, 1, 1, nil)))\n"
     "s println", "2"),
])
def test_a_loop_with_no_call_sees_the_assignment_slot_it_changes(code, expected):
    # nothing in these bodies calls anything: the store itself must tell the loop that
    # its assignments may no longer be the built-in
    assert run(code) == expected + "\n"


def test_a_send_to_a_call_object_does_not_keep_its_senders_locals_alive():
    # `call sender` in a hot method: the site's memory of its receiver (the Call object)
    # must not hold that Call, and with it the caller's locals, alive
    out = run(
        "probe := method(call sender)\n"
        "make := method(a := Object clone; Lobby w := WeakLink clone setLink(a); probe; nil)\n"
        "for(i, 1, 4, make)\n"
        "Collector collect\n"
        "(w link == nil) println\n"
    )
    assert out == "true\n"


def test_a_send_to_new_clones_tells_one_proto_from_several():
    # the site remembers the class and the protos list of a clone of P (nobody had the
    # name: it forwards); another object of that class whose first proto is P, but not
    # its only one, must not reuse that memory
    out = run(
        'P := Object clone do(forward := method("fwd"))\n'
        'Q := Object clone do(greeting := "Q\'s")\n'
        "both := P clone appendProto(Q)\n"
        "for(i, 1, 6, c := if(i isOdd, P clone, both); write(c greeting, \";\"))\n"
    )
    assert out == "fwd;Q's;" * 3


def test_a_send_to_clones_of_equal_protos_tells_them_apart():
    # the protos list is compared with ==: two protos that are equal lists are still two
    out = run(
        'A := list; A greeting := "A\'s"\n'
        'B := list; B greeting := "B\'s"\n'
        "for(i, 1, 4, c := if(i isOdd, A clone, B clone); write(c greeting, \";\"))\n"
    )
    assert out == "A's;B's;" * 2


def test_a_read_of_a_name_the_context_lacks_takes_the_send():
    out = run(
        "Protos extra := 5\n"
        "l := list\n"
        "for(i, 1, 3, l append(extra))\n"
        "l println\n"
    )
    assert out == "list(5, 5, 5)\n"


# -- the loop variable ---------------------------------------------------------------------
# Right after a turn binds `i`, a read of `i` is the loop's own float: until code may have
# run or something was stored under the name.

@pytest.mark.parametrize("change", [
    "i = 100",  # a store under the name, inline
    "i := 100",
    'setSlot("i", 100)',
    "Lobby i = 100",  # a send that stores
    "set100",  # a method
])
def test_a_read_of_the_loop_variable_sees_it_changed(change):
    out = run(
        "set100 := method(Lobby i = 100)\n"
        "s := 0\n"
        f"for(i, 1, 4, {change}; s = s + i; write(i, \" \"))\n"
        "s println\n"
    )
    assert out == "100 100 100 100 400\n"


def test_a_while_in_a_for_reads_the_variable_its_body_changes():
    # the condition runs after the body: the first turn's binding is not what it reads
    out = run(
        "n := 0\n"
        "for(i, 1, 1, while(i < 4 and n < 10, i = i + 1; n = n + 1))\n"
        "n println\n"
    )
    assert out == "3\n"


def test_a_loop_variable_its_body_removes_is_a_new_slot_again():
    # c is a proto (nobody's leaf): m's lookup of `i` in self remembers c itself and
    # where i was, without reading c's slots again; a slot c gets must move the shape.
    # The turn's binding looks whether `i` is new only when the shape moved.
    out = run(
        'o := Object clone do(i := "p"; m := method(i))\n'
        "c := o clone\n"
        "d := c clone\n"
        'c do(for(i, 1, 6, write(m, i); removeSlot("i"); write(m, " ")))\n'
    )
    assert out == "11p 22p 33p 44p 55p 66p "
