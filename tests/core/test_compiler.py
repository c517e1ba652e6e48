"""The compiler tier must be invisible: every fast path falls back when its guard fails.

Each test runs code often enough for it to be compiled (a chain is compiled on its second
evaluation, a method's activation on its third), then changes what the fast path assumed.
"""

from __future__ import annotations

import pytest

from pyio_core import CaptureHost, Interpreter
from iotest import interpreted
from iotest import out as run


HOT = "for(i, 1, 5, {call})\n"


def test_redefined_number_plus_is_used_by_compiled_code():
    out = run(
        "add := method(a, b, a + b)\n"
        + HOT.format(call="add(1, 2)")
        + "Number + := method(o, 42)\n"
        "add(1, 2) println\n"
    )
    assert out == "42\n"


@pytest.mark.parametrize("op, expected", [("-", "7"), ("*", "7"), ("<", "7"), ("==", "7")])
def test_every_inlined_number_operator_falls_back(op, expected):
    out = run(
        f"f := method(a, b, a {op} b)\n"
        + HOT.format(call="f(3, 4)")
        + f'Number setSlot("{op}", method(o, 7))\n'
        "f(3, 4) println\n"
    )
    assert out == expected + "\n"


def test_number_operator_with_non_number_argument_raises_as_usual():
    out = run(
        'f := method(a, b, a + b)\n'
        + HOT.format(call="f(1, 2)")
        + 'e := try(f(1, "x")); e error println\n'
    )
    assert out == "argument 0 to method '+' must be a Number, not a 'Sequence'\n"


def test_redefined_if_is_used_by_compiled_code():
    # inside methods `if` comes from the Locals proto (upstream's copy of Object's
    # primitives), at top level from Object: both redefinitions must take effect
    out = run(
        'f := method(x, if(x, "yes", "no"))\n'
        + HOT.format(call="f(true)")
        + 'Locals if := method("custom if")\n'
        "f(true) println\n"
        'for(i, 1, 3, if(i == 2, Object if := method("top-level if")); r := if(true, 1, 2))\n'
        "r println\n"
    )
    assert out == "custom if\ntop-level if\n"


def test_redefined_while_and_for_are_used_by_compiled_code():
    out = run(
        "f := method(n := 0; while(n < 3, n = n + 1))\n"
        "g := method(for(i, 1, 3, i))\n"
        + HOT.format(call="f; g")
        + "list(f, g) println\n"
        'Locals while := method("w"); Locals for := method("f")\n'
        "list(f, g) println\n"
    )
    assert out == 'list(3, 3)\nlist("w", "f")\n'


def test_redefined_return_is_used_by_compiled_code():
    out = run(
        'f := method(return 1; "after")\n'
        + HOT.format(call="f")
        + 'Locals return := method(v, "ignored")\n'
        "f println\n"
    )
    assert out == "after\n"


def test_redefined_update_slot_is_used_by_compiled_code():
    out = run(
        "o := Object clone do(x := 0; bump := method(x = x + 1))\n"
        + HOT.format(call="o bump")
        + 'o updateSlot := method(name, v, "seen " .. name)\n'
        "o bump println\n"
        "o x println\n"
    )
    assert out == "seen x\n5\n"


def test_mutating_a_compiled_message_drops_the_compiled_code():
    out = run(
        "f := method(1 + 1)\n"
        + HOT.format(call="f")
        + 'getSlot("f") message next setName("*")\n'
        "getSlot(\"f\") message next setArguments(list(message(5)))\n"
        "f println\n"
    )
    assert out == "5\n"


def test_methods_that_use_call_still_get_it():
    out = run(
        "f := method(call message name)\n"
        + HOT.format(call="f")
        + "f println\n"
    )
    assert out == "f\n"


def test_return_inside_an_inline_loop_of_a_compiled_method():
    out = run(
        "f := method(for(i, 1, 10, if(i == 3, return i)); 99)\n"
        + HOT.format(call="f")
        + "f println\n"
    )
    assert out == "3\n"


def test_break_and_continue_in_compiled_loops():
    out = run(
        "f := method(s := 0; for(i, 1, 10, if(i == 2, continue); if(i == 5, break); s = s + i); s)\n"
        + HOT.format(call="f")
        + "f println\n"
    )
    assert out == "8\n"


def test_deep_recursion_through_compiled_activations():
    out = run("deep := method(n, if(n == 0, 0, 1 + deep(n - 1)))\ndeep(100000) println\n")
    assert out == "100000\n"


def test_recursion_limit_is_a_clean_io_error():
    host = CaptureHost()
    it = Interpreter(host=host, max_depth=500)
    it.do_string('f := method(f)\ne := try(f)\ne error println')
    assert "Stack overflow" in host.output


def test_locals_shadowing_is_respected_after_compilation():
    out = run(
        "Lobby x := 1\n"
        "f := method(x)\n"
        "g := method(x := 2; x)\n"
        + HOT.format(call="f; g")
        + "list(f, g) println\n"
    )
    assert out == "list(1, 2)\n"


# -- virtual locals: a compiled method keeps its locals in Python variables until something
# could see its Locals object; each test makes that happen after the method is compiled.
@pytest.mark.parametrize("body, expected", [
    # a block literal captures the locals and changes one
    ("x := 1; b := block(x = x + 10); b call; x", "11"),
    # setSlot with a computed name, then the name read back
    ('setSlot("y" .. "", 3); y', "3"),
    # a lazy primitive's body updates a local
    ("s := 0; list(1, 2, 3) foreach(v, s = s + v); s", "6"),
    # thisLocalContext sees the current values and its changes are seen
    ('x := 1; thisLocalContext setSlot("x", x + 4); x', "5"),
    # a local holding a method is activated when read
    ("m := method(7); m", "7"),
    # a local read before its assignment is the outer slot
    ('y := x; x := "inner"; list(y, x)', 'list("outer", "inner")'),
])
def test_virtual_locals_stay_exact(body, expected):
    out = run('x := "outer"\nf := method(' + body + ")\n" + HOT.format(call="f") + "f println\n")
    assert out == expected + "\n"


def test_locals_changed_through_an_escaped_block_during_a_plain_call():
    # g is an ordinary compiled method (no `call`): the block it runs changes f's local
    out = run(
        "Holder := Object clone\n"
        "g := method(Holder b call)\n"
        "f := method(x := 1; Holder b := block(x = 42); g; x)\n"
        + HOT.format(call="f")
        + "f println\n"
    )
    assert out == "42\n"


def test_extra_arguments_of_a_compiled_method_are_not_evaluated():
    out = run('f := method(a, a)\n' + HOT.format(call='f(1, "no" println)') + 'f(2, "no" println) println\n')
    assert out == "2\n"


def test_changed_argument_names_after_compilation():
    out = run(
        "f := method(a, b, a)\n"
        + HOT.format(call="f(1, 2)")
        + 'getSlot("f") setArgumentNames(list("b", "a"))\n'
        "f(1, 2) println\n"
    )
    assert out == "2\n"


def test_call_sender_of_a_method_called_from_a_compiled_method():
    # the callee wants `call sender`: the caller's locals must exist and be current
    out = run(
        "peek := method(call sender x)\n"
        "f := method(x := 5; peek)\n"
        + HOT.format(call="f")
        + "f println\n"
    )
    assert out == "5\n"


def test_inlined_foreach_matches_the_primitive():
    out = run(
        "f := method(l, s := 0; l foreach(i, v, s = s + i * v); list(s, i, v))\n"
        "g := method(l, r := list; l foreach(v, if(v == 2, continue); if(v == 4, break); "
        "r append(v)); r)\n"
        "h := method(l, l foreach(v, if(v > 1, l append(v - 2))); l)\n"
        + HOT.format(call="f(list(1)); g(list(1)); h(list(1))")
        + "f(list(1, 2, 3)) println\ng(list(1, 2, 3, 4, 5)) println\nh(list(3)) println\n"
    )
    assert out == "list(8, 2, 3)\nlist(1, 3)\nlist(3, 1)\n"


def test_inlined_foreach_falls_back_for_other_receivers_and_redefinition():
    out = run(
        "m := method(o, o foreach(v, v))\n"
        + HOT.format(call="m(list(1))")
        + 'm(Object clone do(foreach := method("custom"))) println\n'
        'm(Map clone atPut("a", 5)) println\n'
        'List foreach := method("redefined")\n'
        "m(list(1)) println\n"
    )
    assert out == 'custom\n5\nredefined\n'


@pytest.mark.parametrize("holder", ["Object", "Lobby", "Protos"])
def test_loop_lookups_see_changes_made_inside_the_loop(holder):
    # the top-level loop keeps its lookup of updateSlot between turns; a call in the loop
    # redefines it (on Object, in the context itself, or in between): the next turn uses it
    out = run(
        f'changer := method({holder} updateSlot := method(n, v, Lobby setSlot("seen", n)))\n'
        "s := 0\nr := nil\nseen := nil\n"
        "for(i, 1, 6, if(i == 3, changer); r = (s = s + i))\n"
        "list(seen, s, r) println\n"
    )
    assert out == 'list("r", 3, 3)\n'


def test_a_redefinition_made_before_the_first_compile_is_not_taken_for_the_builtin():
    out = run(
        'Object updateSlot := method(n, v, Lobby setSlot("seen", n))\n'
        "s := 0\nseen := nil\n"
        "for(i, 1, 3, s = s + i)\n"
        "list(seen, s) println\n"
    )
    assert out == 'list("s", 0)\n'


# -- protos walks: each site remembers where its last walk ended until any slot is added or
# removed or a protos list changes. Each test warms a site up, changes the shape the way
# named, and checks the next send sees it.
@pytest.mark.parametrize("change, expected", [
    ('Mid greet := method("mid")', "mid"),  # a new slot between receiver and holder
    ('Mid setSlot("greet", method("set"))', "set"),
    ('Mid newSlot("greet", "new")', "new"),
    ('Base removeSlot("greet"); Other greet := "other"; Mid setProto(Other)', "other"),
    ('Mid appendProto(Object clone do(x := 1)); Mid prependProto(Object clone do(greet := "pre"))',
     "pre"),
    ('Mid become(Object clone do(greet := "became"))', "became"),
    ('Mid lexicalDo(nil); Mid setSlot("greet", "after lexicalDo")', "after lexicalDo"),
    ('Base greet := "same slot, new value"', "same slot, new value"),
])
def test_cached_protos_walks_see_shape_changes(change, expected):
    setup = 'Base := Object clone do(greet := method("base"))\nMid := Base clone\nOther := Object clone'
    assert greet_after(setup, change, "Mid clone") == expected + "\n"


def greet_after(setup: str, change: str, receiver: str) -> str:
    """``ask(receiver)`` made hot, then ``change``, then what ``ask`` answers."""
    return run(
        f"{setup}\nask := method(o, o greet)\n"
        + HOT.format(call=f"ask({receiver})")
        + f"{change}\nask({receiver}) println\n"
    )


def test_loop_variables_bound_by_primitives_shadow_cached_walks():
    # `foreach` over a Map (a primitive) binds `greet` in the Lobby, which is on the way
    # from Object to the Lobby's protos: a walk that found greet further up must not stand
    out = run(
        'Protos greet := "from Protos"\n'
        "o := Object clone\n"
        "ask := method(o, o greet)\n"
        + HOT.format(call="ask(o)")
        + 'Map clone atPut("k", "from the loop") foreach(k, greet, nil)\n'
        "ask(o) println\n"
    )
    assert out == "from the loop\n"


@pytest.mark.parametrize("setup, change, expected", [
    # a clone is a leaf until it is cloned itself: then a slot added to it must count
    ("b := Base clone; r := b clone", 'b greet := "b"', "b"),
    # ... or made a proto by setProto / appendProto
    ("x := Base clone; r := Object clone; r setProto(x)", 'x greet := "x"', "x"),
    ("x := Base clone; r := Object clone; r appendProto(x); r removeProto(Object)",
     'x greet := "x"', "x"),
    # a List used as the proto of the list `map` makes from it
    ('l := List clone append(1); l own := 1; List greet := "List"; r := l map(v, v)',
     'l greet := "l"', "l"),
])
def test_a_leaf_that_becomes_a_proto_reports_its_new_slots(setup, change, expected):
    out = greet_after('Base := Object clone do(greet := "base")\n' + setup, change, "r")
    assert out == expected + "\n"


def test_a_loop_sent_to_another_receiver_inside_a_method_runs_the_primitive():
    # `Lobby for(...)` in a method: the loop's target is not the context, which compiled
    # loop code does not handle (it handed the send back to the interpreter, endlessly)
    out = run(
        "f := method(Lobby for(i, 1, 2, i println); 5 for)\n"
        "e := try(f); e error println\n"
    )
    assert out == "1\n2\nfor requires at least 4 arguments: for(name, start, end, body)\n"


@pytest.mark.parametrize("loop", [
    "list(1, 2, 3) foreach(i, v, if(i > 1, continue); v)",
    "for(i, 1, 3, if(i > 1, continue); i)",
    "i := 0; while(i < 3, i = i + 1; if(i > 1, continue); i)",
])
def test_a_loop_whose_last_turn_continues_answers_nil(loop):
    # the interpreter's loops take continue's value (nil) as the turn's; compiled loops
    # kept the value of the last turn that ran to its end
    out = run(f"f := method({loop})\n" + HOT.format(call="f println"))
    assert out == "nil\n" * 5


def test_a_local_sent_with_arguments_is_still_the_local():
    # `b(3)` where b is an argument of the method: the local holds the answer (a method
    # is called, any other value is answered) even before the Locals object exists
    out = run(
        "apply := method(b, b(3))\n"
        + HOT.format(call='apply(method(x, x * x)) print; apply(list(7)) first print')
    )
    assert out == "97" * 5


def test_return_in_a_method_that_passes_stops_returns_from_its_caller():
    # setPassStops(true): `return` ends the caller too, as upstream (the compiled return
    # was a plain return from the method itself)
    out = run(
        'b := method(x, if(x > 1, return "early"); "late") setPassStops(true)\n'
        'm := method(r := b(2); "after " .. r)\n'
        + HOT.format(call="m println")
    )
    assert out == "early\n" * 5


def test_deep_recursion_through_perform_in_a_method_that_uses_call():
    # `perform` reaches `call`, so h keeps a real Locals; its depth must still reach the
    # calls it makes, or the trampoline never takes over and Python's stack runs out
    out = run(
        'h := method(n, if(n == 0, 0, Lobby perform("h", n - 1) + 1))\n'
        "h(3000) println\n"
    )
    assert out == "3000\n"


def test_recursion_through_a_primitive_that_sends_counts_towards_the_limit():
    # delegateTo (a primitive, called on the fast path) starts an activation of f again:
    # its depth counts from f's, so the recursion limit is met, not Python's own stack.
    # Dropping the error then frees it without deep recursion (it once held a Python
    # traceback of 15,000 frames, whose release overflowed the WebAssembly stack in Pyodide)
    out = run(
        "System setMaxRecursionDepth(3000)\n"
        "f := method(call delegateTo(Lobby))\n"
        "e := try(f); e error println\n"
        'e = nil; Collector collect; "freed" println\n'
    )
    assert out.startswith("Stack overflow: more than 3000 nested calls")
    assert out.endswith("freed\n")


@pytest.mark.parametrize("loop, expected", [
    ("for(i, 1, 3, true ifTrue(x = 5; break))", "5"),
    ("for(i, 1, 3, true ifTrue(x = x + 1; continue); x = 100)", "3"),
    ("list(1, 2) foreach(v, true ifTrue(x = x + 2; continue))", "4"),
])
def test_locals_changed_by_a_call_that_breaks_out_of_a_loop_are_kept(loop, expected):
    # ifTrue (not inlined) sets x through the Locals object, then break/continue leaves it
    # before the method reads its locals back
    out = run(f"f := method(x := 0; {loop}; x)\n" + HOT.format(call="f print"))
    assert out == expected * 5


def test_protos_given_to_the_locals_proto_are_searched_before_self():
    # as upstream: a name sent without a receiver in a method is looked up in the locals
    # and their protos first (compiled code only looked at the Locals proto's own slots)
    out = run(
        'Foo := Object clone do(bar := "from Foo")\n'
        "Core Locals appendProto(Foo)\n"
        "f := method(bar)\n"
        "g := method(thisLocalContext setProto(Object clone do(baz := 2)); baz)\n"
        + HOT.format(call="f print; g print")
    )
    assert out == "from Foo2" * 5


def test_compiled_code_run_with_a_number_as_its_context_falls_back():
    # performOn's locals may be a Number: a compiled argument chain (or loop) must not
    # take it for an object with slots
    out = run(
        "b := block(x, x)\n"
        "msg := message(b(1 + 2))\n"
        + HOT.format(call="b performOn(Lobby, Lobby, msg) print")
        + "b performOn(Lobby, 5, msg) print\n"
        "5 do(while(false, 1)) print\n"
    )
    assert out == "3" * 6 + "5"


def test_assigning_a_local_made_by_a_callee_updates_the_local():
    # helper creates y in its caller's locals (call sender); `y = 7` must then update it,
    # not go to self (where there is no y)
    out = run(
        "helper := method(call sender y := 5)\n"
        "g := method(helper; y = 7; y)\n"
        + HOT.format(call="g print")
    )
    assert out == "7" * 5


def test_names_bound_by_foreach_slot_shadow_cached_walks():
    # foreachSlot binds greet in the Lobby, on the way from an Object clone to Protos
    out = run(
        'Protos greet := "from Protos"\n'
        "o := Object clone\n"
        "ask := method(o, o greet)\n"
        + HOT.format(call="ask(o)")
        + 'Object clone do(k := "from the loop") foreachSlot(n, greet, nil)\n'
        "ask(o) println\n"
    )
    assert out == "from the loop\n"


def test_an_argument_named_self_is_self():
    out = run("g := method(self, x, self + x)\n" + HOT.format(call="g(42, 1) print"))
    assert out == "43" * 5


def test_an_error_after_the_arguments_names_the_send_that_failed():
    # the arguments' own sends ran last: the error still belongs to `*`, `for`, `=`
    out = run(
        "f := method(x, x * Object clone)\n"
        "g := method(for(i, 1, Map clone, nil))\n"
        "h := method(zz = list(1) first)\n"
        + HOT.format(call="list(try(f(2)), try(g), try(h)) map(caughtMessage name) print")
    )
    assert out == 'list("*", "for", "updateSlot")' * 5


def test_a_method_edited_to_use_call_is_not_called_without_a_sender():
    # f's body becomes `call sender` after f ran without needing call: g's compiled code
    # must not call f's new entry directly (its call sender was missing: internal error)
    out = run(
        'x := Object clone do(sender := "x")\n'
        "f := method(n, x sender)\n"
        "g := method(f(1))\n"
        + HOT.format(call="g")
        + 'getSlot("f") message setName("call")\n'
        + HOT.format(call="e := try(r := g type); if(e, e error, r) println")
    )
    assert "Internal error" not in out
    assert out.endswith("Object\n")


def test_a_protos_walk_remembered_at_a_site_is_not_mixed_with_another_receivers():
    # one site (`o greet`) sees r1 (one proto, P) and r2 (protos Q, P), then an object
    # without greet: the memory kept r1's proto but took r2's holder (Q), or none at all
    out = run(
        'P := Object clone do(greet := "P")\n'
        'Q := Object clone do(greet := "Q")\n'
        "r1 := P clone\n"
        "r2 := Object clone setProtos(list(Q, P))\n"
        "n := Object clone\n"
        "ask := method(o, o greet)\n"
        + HOT.format(call="list(ask(r1), ask(r2), ask(r1), try(ask(n)) error, ask(r1)) print")
    )
    assert out == 'list("P", "Q", "P", "Object does not respond to \'greet\'", "P")' * 5


# A call site remembers the last block it called (and its compiled body) until the shape
# counter moves: every way of changing what calling that same block does must be seen.
CALL_SITES = (
    "f := method(a, a)\n"
    "z := method(7)\n"
    "one := method(x, f(x))\n"  # a site with an argument, in a method
    "none := method(z)\n"  # one without
    + HOT.format(call="one(5); none")
)


@pytest.mark.parametrize("change, expected", [
    ('setMessage(message(40))', "40 40"),
    ('setArgumentNames(list("b", "a"))', "nil 7"),
    ('message setNext(message(+ 100))', "105 107"),
    ('setIsActivatable(false)', "Block Block"),
    ('setSlot("unrelated", 1)', "5 7"),
])
def test_call_site_memory_sees_every_change_to_the_block(change, expected):
    out = run(
        CALL_SITES
        + f"getSlot(\"f\") {change}; getSlot(\"z\") {change}\n"
        + 'r := list(one(5), none) map(x, if(getSlot("x") type == "Block", "Block",'
        ' x asString)) join(" ")\n'
        "r println\n"
    )
    assert out == expected + "\n"


def test_call_site_memory_follows_a_new_block_in_the_slot():
    out = run(
        CALL_SITES
        + "f := method(a, a * 4); z := method(8)\n"
        "list(one(5), none) println\n"
        "for(i, 1, 3, f := method(a, a + i); s := one(5)); s println\n"
    )
    assert out == "list(20, 8)\n8\n"


@pytest.mark.parametrize("change, expected", [
    # a compiled store into Number's slots (the loop runs compiled from its first turn)
    ('for(j, 1, 2, if(j == 2, Number setSlot("+", method(o, 99))))', "99"),
    ('Number updateSlot("+", method(o, 98))', "98"),
    ('Number removeSlot("+"); Object + := method(o, 97)', "97"),
    ('old := Number getSlot("+"); Number + := method(o, 1); Number + := getSlot("old")', "7"),
])
def test_inline_arithmetic_sees_every_change_to_number_slots(change, expected):
    # inline `+` on two numbers tests one flag kept by Number's slots: every way of
    # changing them must reach it (and restoring the built-in turns the fast path back on)
    out = run(
        "f := method(a, b, a + b)\n"
        + HOT.format(call="f(3, 4)")
        + change + "\n"
        "x := 3; r := list(f(3, 4)); for(i, 1, 2, r append(x + 4)); r println\n"
    )
    assert out == f"list({expected}, {expected}, {expected})\n"


@pytest.mark.parametrize("change, expected", [
    ('Lobby helper := "the Lobby\'s"', "the Lobby's"),
    ('Object helper := "updated"', "updated"),
    ('Lobby helper := 1; Lobby removeSlot("helper")', "Object's"),
    ('Locals helper := "the Locals proto\'s"', "the Locals proto's"),
    ('Lobby appendProto(Object clone do(helper := "a new proto\'s"))', "Object's"),
    ('Lobby prependProto(Object clone do(helper := "a new proto\'s"))', "a new proto's"),
    ('Object removeSlot("helper")', "Object does not respond to 'helper'"),
])
def test_lookup_memory_of_a_method_on_the_lobby_sees_every_change(change, expected):
    # g's self is the Lobby (nobody's leaf): the site remembers where `helper` was found
    out = run(
        'Object helper := "Object\'s"\n'
        "g := method(helper)\n"
        + HOT.format(call="g")
        + change + "\n"
        "e := try(r := g); if(e, e error println, r println)\n"
    )
    assert out == expected + "\n"


def test_assignment_on_a_new_clone_makes_its_own_slot_or_fails_as_updateSlot():
    # `count = count + 1` in a method of a fresh clone: the clone gets its own slot (the
    # proto keeps its value); a name no proto has is the primitive's error
    out = run(
        "P := Object clone do(count := 10; bump := method(count = count + 1); bad := method(nope = 1))\n"
        "for(i, 1, 4, c := P clone; c bump; c bump)\n"
        "list(c count, P count, c hasLocalSlot(\"count\")) println\n"
        "e := try(P clone bad); e error println\n"
    )
    assert out == ("list(12, 10, true)\n"
                   "Slot nope not found. Must define slot using := operator before updating.\n")


@pytest.mark.parametrize("change, expected", [
    ('P greeting := "updated"', "updated"),
    ('c greeting := "own"', "own"),
    ('P removeSlot("greeting")', "G's"),
    ('Q := P clone do(greeting := "Q\'s"); c setProto(Q)', "Q's"),
    ('c appendProto(Object clone do(greeting := "second"))', "P's"),
    ('c prependProto(Object clone do(greeting := "first"))', "first"),
    ('Locals greeting := "the Locals proto\'s"', "the Locals proto's"),
])
def test_lookup_memory_of_a_method_on_fresh_clones_sees_every_change(change, expected):
    # hi's self is a new clone (a leaf) each time: the site remembers the clone's proto and
    # where the walk from it ended; the clone's own slots are still read first
    out = run(
        'G := Object clone do(greeting := "G\'s")\n'
        'P := G clone do(greeting := "P\'s"; hi := method(greeting))\n'
        "c := P clone\n"  # (made first: a new Lobby slot moves the shape counter)
        + HOT.format(call="P clone hi")
        + change + "\n"
        "c hi println\n"
    )
    assert out == expected + "\n"


def test_a_method_that_uses_call_sees_changes_to_what_its_self_inherits():
    # with a Locals object (the method mentions `call`), a name self inherits is found
    # through self's protos walk memory: a shadowing slot or a removal must reach it
    out = run(
        'G := Object clone do(greeting := "G\'s")\n'
        "P := G clone do(hi := method(call message name; greeting))\n"
        "o := P clone\n"
        + HOT.format(call="o hi")
        + 'P greeting := "P\'s"; a := o hi\n'
        'P removeSlot("greeting"); G greeting := "G2"; b := o hi\n'
        "list(a, b) println\n"
    )
    assert out == 'list("P\'s", "G2")\n'


# -- second review (session 3): stale answers of the new memories ------------------------

def test_a_call_site_remembers_a_locals_proto_method_only_for_a_real_target():
    # m's Locals object exists only when c is true (the block needs it as its scope): the
    # site first calls foo (from the Locals proto) with that Locals as target, then with
    # no Locals object at all
    out = run(
        'Locals foo := method("foo on " .. self type)\n'
        "m := method(c, if(c, block(nil)); foo)\n"
        'for(i, 1, 8, e := try(r := m(i isOdd)); write(if(e, e error, r), ";"))\n'
    )
    assert out == "foo on Object;" * 8


def test_a_body_replaced_while_the_arguments_run_is_the_one_called():
    # upstream reads the block's message after evaluating the arguments
    out = run(
        'A := message("A"); B := message("B")\n'
        'f := method(a, "start")\n'
        'flip := method(Lobby getSlot("f") setMessage(if(Lobby getSlot("f") message == A, B, A)); 1)\n'
        "g := method(f(flip))\n"
        'for(i, 1, 10, write(g, " "))\n'
    )
    assert out == "A B " * 5


def test_number_become_is_seen_by_compiled_code():
    out = run(
        "Number foo := \"old\"\n"
        "f := method(a, b, list(a foo, a + b))\n"
        + HOT.format(call="f(1, 2)")
        + 'e := try(Number become(Object clone do(foo := "new"; + := method(o, "plus"))))\n'
        "if(e, e error, f(1, 2)) println\n"
    )
    # upstream refuses (its Number proto is a number), which keeps compiled code right
    assert out == "Io Assertion 'Primitives cannot become new values'\n"


def test_a_body_replaced_by_a_recursive_call_in_the_arguments_is_the_one_called():
    # g(1): the outer f(...) takes f's entry, then its argument flips f's body and runs the
    # same site again one level down (which remembers the new body under the new shape)
    out = run(
        'A := message("A"); B := message("B")\n'
        'f := method(a, "start")\n'
        'flip := method(Lobby getSlot("f") setMessage(if(Lobby getSlot("f") message == A, B, A)); 1)\n'
        "g := method(x, f(if(x > 0, flip; g(x - 1), 0)))\n"
        'for(i, 1, 12, write(g(1), " "))\n'
    )
    assert out == "A B " * 6


def test_locals_become_is_seen_by_compiled_code():
    # (upstream runs out of stack here: refusing, as for Number, would do as well)
    out = run(
        'g := method(x, if(x, "yes", "no"))\n'
        + HOT.format(call="g(true)")
        + 'e := try(Locals become(Object clone do(if := method(a, b, c, "my if"))))\n'
        "if(e, e error, g(true)) println\n"
    )
    assert out == "Io Assertion 'Primitives cannot become new values'\n"


@pytest.mark.parametrize("change", [
    'P do(for(n, 1, 1, nil)); P n = "P"',
    'P do(list("P") foreach(n, nil))',
    'P do(Map clone atPut("k", "P") foreach(k, n, nil))',
    'P doString("n := \\"P\\"")',
    'P lexicalDo(n := "P")',
    'P do(thisContext n := "P")',
    'P do(e := method(self n := "P"); for(i, 1, 3, e))',
    'P do(coroDo(n := "P")); yield; yield',
])
@pytest.mark.parametrize("receiver", ["c", "P", "P clone clone"])
def test_self_lookup_memory_sees_a_slot_made_by_any_primitive(change, receiver):
    # hi's self is a fresh clone, a saved one, the proto itself or a clone's clone: each
    # remembers where `n` was found (G); a slot made on P by a loop primitive, a do, a
    # doString, a method run in P, a coroutine... must be seen by the next call
    out = run(
        'G := Object clone do(n := "G")\n'
        "P := G clone do(hi := method(n))\n"
        "c := P clone\n"
        + HOT.format(call=f"P clone hi; {receiver} hi")
        + change + "\n"
        f"list({receiver} hi, P clone hi) println\n"
    )
    assert out == 'list("P", "P")\n'


@pytest.mark.parametrize("change, expected", [
    # the hot self, a leaf, is made a proto: a slot added to it is then seen by its clone
    ('d := c clone; c greeting := "c"', 'list("c", "c")'),
    ('d := Object clone setProto(c); c greeting := "c"', 'list("c", "c")'),
    # ... or takes another object's slots and protos
    ('c become(Q clone); Q greeting := "Q2"; d := c', 'list("Q2", "Q2")'),
    # the inline `x = v` store on it, then it is cloned and stores again
    ("c bump; d := c clone; c bump", 'list("P\'s", 2, 2)'),
])
def test_a_hot_leaf_self_used_as_a_proto_later(change, expected):
    out = run(
        'P := Object clone do(greeting := "P\'s"; count := 0; hi := method(greeting); '
        "bump := method(count = count + 1))\n"
        'Q := Object clone do(greeting := "Q\'s"; hi := P getSlot("hi"))\n'
        "c := P clone\n"
        + HOT.format(call="c hi; P clone hi; P clone bump")
        + change + "\n"
        + ("list(c hi, d count, c count) println\n" if "bump" in change
           else "list(c hi, d hi) println\n")
    )
    assert out == expected + "\n"


def test_one_method_on_the_lobby_a_number_and_object_finds_each_selfs_slot():
    # the site's self memory is kept for the Lobby (by identity): other selfs look again
    out = run(
        'helper := "lobby"\nObject helper := "object"\n'
        "m := method(helper)\nNumber m := getSlot(\"m\")\n"
        + HOT.format(call="list(m, 3 m, Object m)")
        + 'Number helper := "number"\nlist(m, 3 m, Object m) println\n'
        'Lobby removeSlot("helper")\nlist(m, 3 m, Object m) println\n'
    )
    assert out == 'list("lobby", "number", "object")\nlist("object", "number", "object")\n'


def test_nested_sends_in_arguments_keep_their_values_apart():
    # working variables are named by nesting level: siblings share them, so values of
    # outer levels must survive inner sends, inline loops and an error caught in between
    out = run(
        "f := method(a, a + 1)\ng := method(a, b, list(a, b))\n"
        "h := method(x, list(g(f(g(x, f(x)) size), f(f(f(x)))) at(0) + g(f(1), f(2)) at(1),"
        " g(for(i, 1, 3, f(g(i, f(x)) size)), f(if(x > 2, f(f(x)), g(x, x) size))),"
        ' try(g(f(x), f(x) + Exception raise("boom"))) error, f(x) * f(f(x))))\n'
        'for(i, 1, 3, h(i) println)\n'
    )
    assert out == ('list(6, list("3", "3"), "boom", 6)\n'  # as upstream prints them
                   'list(6, list("3", "3"), "boom", 12)\n'
                   'list(6, list("3", "6"), "boom", 20)\n')


@pytest.mark.xfail(strict=True, reason="compiled code already running keeps the body it was "
                   "compiled from: an edit of a later message of the running body is seen "
                   "only from the next activation (the interpreter and upstream see it at "
                   "once; not new this session)")
@pytest.mark.parametrize("edit", ['setName("tag")', 'setCachedResult("tag")'])
def test_an_edit_of_the_running_body_is_seen_by_the_rest_of_that_activation(edit):
    out = run(
        'n := 0\nother := "other"; tag := "tag"\n'
        f"b := block(n = n + 1; if(n == 4, b message last {edit}); other)\n"
        'for(i, 1, 6, write(b call, " "))\n'
    )
    assert out == "other other other tag tag tag "


@pytest.mark.parametrize("op, args, expected", [
    ("<", "3, 1", "no"), ("<", "1, 3", "yes"), (">=", "3, 3", "yes"), ("!=", "3, 3", "no"),
    ("<", "x, x", "no"), ("<", "x, 0/0", "yes"), ("==", "x, x", "yes"), ("<=", "x, x", "yes"),
])
def test_an_if_on_a_comparison_answers_as_the_operator(op, args, expected):
    # `if(a < b, ...)` on two numbers tests them in Python: NaNs and identity as the
    # primitives answer, and a redefined operator is used
    out = run(
        f'f := method(a, b, if(a {op} b, "yes", "no"))\n'
        "x := 0/0\n"
        + HOT.format(call="f(1, 2)")
        + f"f({args}) println\n"
        + f'Number setSlot("{op}", method(o, nil)); f(1, 2) println\n'
    )
    assert out == f"{expected}\nno\n"


@pytest.mark.xfail(strict=True, reason="a context that becomes another object while a loop "
                   "runs in it: compiled code keeps the old slots dict (Ls) for the rest of "
                   "the run; the interpreter's for keeps binding i in the old dict and fails")
def test_a_context_that_becomes_another_object_inside_a_loop():
    # upstream: from the second turn on, the loop reads and writes the new object's slots
    out = run(
        'o := Object clone do(x := "old"; r := list)\n'
        'o do(for(i, 1, 3, if(i == 2, o become(Object clone do(x := "new"; r := list)));'
        " r append(x)))\n"
        "o r println\n"
    )
    assert out == 'list("new", "new")\n'


@pytest.mark.parametrize("compiled", [True, False])
def test_argument_names_changed_by_an_argument_bind_that_call(compiled):
    host = CaptureHost()
    it = Interpreter(host=host)
    it.compile = compiled
    it.do_string(
        "two := method(a, b, list(a, b))\n"
        'for(i, 1, 5, write(two(if(i == 4, Lobby getSlot("two") setArgumentNames('
        'list("b", "a"))); 1, 2), " "))\n'
    )
    assert host.output == "list(1, 2) " * 3 + "list(2, 1) " * 2


@pytest.mark.parametrize("change", [
    'Number do(+ := method(o, "changed"))',
    'Number doString("+ := method(o, \\"changed\\")")',
    'alias := Object clone; alias become(Number); alias + := method(o, "changed")',
    'Number perform("setSlot", "+", method(o, "changed"))',
    'Number lexicalDo(+ := method(o, "changed"))',
])
def test_inline_arithmetic_sees_number_slots_changed_from_inside_number(change):
    # Number's slots dict itself watches every change: a store made by code running in
    # Number's context, or through an object that became Number, reaches the flag too
    out = run(
        "f := method(a, b, a + b)\n"
        + HOT.format(call="f(3, 4)")
        + change + "\n"
        "x := 3; r := list(f(3, 4)); for(i, 1, 2, r append(x + 4)); r println\n"
    )
    assert out == 'list("changed", "changed", "changed")\n'


def test_a_call_site_remembering_a_primitive_sees_a_new_value_in_the_slot():
    # the site remembers the eager primitive it called (by identity): a method or another
    # primitive put in the slot is called instead, with or without arguments
    out = run(
        'f := method(l, l append(1); l size); sz := List getSlot("size")\n'
        + HOT.format(call="f(list)")
        + 'List size := method("my size"); a := f(list)\n'
        'List append := List getSlot("push"); List size := List getSlot("isEmpty"); b := f(list)\n'
        'List append := method(x, self push(x, x)); List size := getSlot("sz"); c := f(list)\n'
        "list(a, b, c) println\n"
    )
    assert out == 'list("my size", false, 2)\n'


def test_a_primitive_the_locals_proto_answers_is_called_with_a_target():
    # in a method without a Locals object, a name the Locals proto answers has no target
    # of its own: a site that called the same primitive on self must not reuse its memory
    out = run(
        "Object shout := Object getSlot(\"type\")\n"
        "m := method(c, if(c, block(nil)); shout)\n"
        + HOT.format(call="m(false)")
        + 'Locals shout := Object getSlot("type"); for(i, 1, 4, write(m(i isOdd), " "))\n'
    )
    assert out == "Object " * 4  # as the interpreter and upstream (type answers so)


@pytest.mark.parametrize("code, expected", [
    ('x := 2; r := list; for(j, 1, 3, r append(if(j == x, "eq", "ne"))); r println',
     'list("ne", "eq", "ne")'),
    ('f := method(x, r := list; for(j, 1, 3, r append(if(j < x, "lt", "ge"))); r)\n'
     "for(i, 1, 4, f(2) println)", 'list("lt", "ge", "ge")'),
    ('f := method(x, call; r := list; for(j, 1, 3, r append(if(j < x, "lt", "ge"))); r)\n'
     "for(i, 1, 4, f(2) println)", 'list("lt", "ge", "ge")'),
])
def test_an_if_on_a_comparison_of_two_context_slots(code, expected):
    out = run(code + "\n")
    assert set(out.splitlines()) == {expected}


def test_errors_in_compiled_code_report_the_send_and_stack_the_interpreter_reports():
    # compiled code finds the failing send from the line the error came out of: the
    # message, its target's type in the stack, after an inner send and in a loop
    program = (
        "f := method(x, y, x + (y foo(1)) bar)\n"
        "g := method(a, f(a, a + 1))\n"
        'h := method(x, for(i, 1, 2, x = x / "a"))\n'
        + HOT.format(call="list(try(g(1)), try(h(2))) foreach(e, e caughtMessage print; "
                          "e showStack)")
    )
    expected = interpreted(program, "_s.io")
    assert "Number foo" in expected and "Number /" in expected
    assert run(program, "_s.io") == expected


@pytest.mark.parametrize("change", [
    'fib := method(n, "other" print; n)',  # self's slot now holds another block
    'Locals fib := method(n, "from Locals" print; n)',  # the Locals proto answers first
    'fib := 7',  # not a block at all
    'Lobby removeSlot("fib"); Object fib := method(n, "from Object" print; n)',
    'Number - := method(v, "-" print; 0)',  # the arguments' arithmetic is no longer plain
])
def test_a_method_calling_a_method_of_self_sees_every_change(change):
    # `fib(n - 1)` in a method tests in one line that self answers as last time with the
    # block this site called last; each change here must take the general path
    program = (
        "fib := method(n, if(n < 2, n, fib(n - 1) + fib(n - 2)))\n"
        "run := method(fib(6))\n"
        + HOT.format(call="run print") + change + "\nrun println\n"
    )
    assert run(program) == interpreted(program)


def test_an_argument_that_replaces_the_method_being_called():
    # the block was found before its arguments ran: it is the one called, with their values
    program = (
        'f := method(x, "old " print; x)\n'
        "g := method(f(if(swap, f = method(x, \"new \" print; x * 2)); 1))\n"
        "swap := false\n"
        + HOT.format(call="g print")
        + "swap = true\ng println\ng println\n"
    )
    assert run(program) == interpreted(program)
    assert run(program).endswith("old 1\nnew 2\n")


def test_an_argument_that_redefines_the_operator_being_sent():
    # `a + (...)`: Number's + is looked up before its argument runs, as in the interpreter
    program = (
        "f := method(a, a + (if(redefine, Number + := method(v, 99)); 2))\n"
        "redefine := false\n"
        + HOT.format(call="f(1) print")
        + "redefine = true\nf(1) println\nf(1) println\n"
    )
    out = run(program)
    assert out == interpreted(program)
    assert out.endswith("3\n99\n")


@pytest.mark.parametrize("change", [
    'Counter removeSlot("count")',  # the protos no longer have the slot
    'Counter = Other',  # a proto without the slot, and the shape counter unmoved
    # a clone with its own updateSlot (nothing moves the shape counter)
    'c = Counter clone; c updateSlot := method(n, v, "[own]" print; v); c reset println',
    'Object updateSlot := method(n, v, "[Object]" print; v)',
    'Counter count := 10',
])
def test_a_new_clones_first_update_of_a_protos_slot_sees_changes(change):
    # `count = count + 1` on a fresh clone stores its own slot when a proto has `count`:
    # remembered for the clone's proto, which each change here must undo
    program = (
        "Counter := Object clone do(count := 0; bump := method(count = count + 1))\n"
        "Counter reset := method(count = 7; count)\n"
        'Other := Object clone do(bump := Counter getSlot("bump"); reset := Counter getSlot("reset"))\n'
        "c := nil\n"
        + HOT.format(call="Counter clone bump print; Counter clone reset print")
        + change + "\ne := try(Counter clone reset println); if(e, e error println)\n"
    )
    assert run(program) == interpreted(program)


@pytest.mark.parametrize("change", [
    'Locals if := method(c, a, b, "[if]" print; call evalArgAt(1))',
    'Locals updateSlot := method(n, v, "[=]" print; call sender setSlot(n, v))',
    'Locals removeSlot("if")',  # then Object's if answers, through self
    'Locals removeSlot("setSlot")',  # then Object's: x := n is self's slot
])
def test_a_methods_if_and_assignment_see_the_locals_proto_change(change):
    # a method's `if` and `x = ...` test one flag that the Locals proto's slots still
    # hold the built-ins; each change here must take the general path
    program = (
        "f := method(n, x := 0; x = n; if(n < 2, x, x * 2))\n"
        + HOT.format(call="f(3) print") + change + "\nf(1) println; f(5) println\n"
    )
    assert run(program) == interpreted(program)


@pytest.mark.parametrize("body", [
    "if(x)", "if(x, 1, 2, 3)", 'e := try(while(x)); e error', 'e := try(for(i)); e error',
    "return(x, 2)",
])
def test_control_messages_with_other_argument_counts_run_the_general_way(body):
    # `if`, `while`, `for` and `return` are inlined only with their usual argument counts;
    # with others the primitive runs (the inlined form's shortcut must not skip its lookup)
    program = f"f := method(x, {body})\n" + HOT.format(call="f(true) print; f(nil) print")
    assert run(program) == interpreted(program)


_COUNTER = (
    "Counter := Object clone do(count := 0; bump := method(count = count + 1))\n"
    'Other := Object clone do(bump := Counter getSlot("bump"))\n'
    "c := Counter clone\n"
)


@pytest.mark.parametrize("change", [
    'Counter removeSlot("count")',
    'Counter = Other',  # a proto without the slot, and the shape counter unmoved
    'c updateSlot := method(n, v, "[own]" print; v)',  # a leaf's own: no shape move
    'Object updateSlot := method(n, v, "[Object]" print; v)',
    'Counter count := "a"',  # not a number: the operator's error
    'Counter count := method("[m]" print; 5)',  # the read activates it
    'Number + := method(o, "[+]" print; 99)',
    'Locals count := 100',  # the Locals proto answers the read (not the update)
    'Locals updateSlot := method(n, v, "[=]" print; v)',
    'Counter updateSlot := method(n, v, "[P]" print; v)',
    'Locals removeSlot("updateSlot")',  # then self's answers (the general send)
])
def test_a_methods_update_of_its_selfs_slot_in_one_test_sees_every_change(change):
    # `count = count + 1` on a fresh clone and on its proto itself (nobody's leaf) is one
    # test while the site's memory of how self takes the update holds: each change here
    # must take the general way
    program = (
        _COUNTER
        + HOT.format(call="Counter clone bump print; Counter bump print")
        + change + "\n"
        "e := try(c bump println; Counter clone bump println; Counter bump println)\n"
        "if(e, e error println)\n"
    )
    assert run(program) == interpreted(program)


def test_a_methods_update_sees_a_local_its_callee_made():
    # a callee given `call sender` may make the name a local of the method: the update is
    # then the local's, not self's
    program = (
        _COUNTER
        + 'Counter mark := method(if(call sender hasSlot("n") not, call sender setSlot("count", 50)))\n'
        "Counter bump2 := method(n, if(n, mark); count = count + 1)\n"
        + HOT.format(call="Counter clone bump2(false) print")
        + "Counter clone bump2(true) println; Counter clone bump2(false) println\n"
    )
    assert run(program) == interpreted(program)
    assert run(program).endswith("51\n1\n")


def test_a_methods_update_of_a_proto_that_is_not_a_leaf_moves_the_shape():
    # a proto's first own value of a slot its protos have is a new slot of a non-leaf: the
    # memories that looked past it (`Sub clone count` found Counter's) must see it
    program = (
        _COUNTER
        + "Sub := Counter clone; s := Sub clone; look := method(Sub clone count)\n"
        + HOT.format(call="Counter clone bump print; look print")
        + "Sub bump print; look println\n"
    )
    assert run(program) == interpreted(program)
    assert run(program).endswith("11\n")


def test_a_methods_update_of_a_slot_its_self_has_but_its_protos_lack():
    # the memory of a leaf whose own slot was updated names no holder: a clone of the
    # same proto without the slot gets the primitive's error
    program = (
        "setc := method(count = 5)\n"
        'o := Object clone do(count := 1); o setc := getSlot("setc")\n'
        'p := Object clone; p setc := getSlot("setc")\n'
        + HOT.format(call="o setc print")
        + "e := try(p setc println); if(e, e error println)\n"
    )
    assert run(program) == interpreted(program)
    assert "not found" in run(program)


def test_nested_assignments_in_a_method_compile_to_code_of_linear_size(monkeypatch):
    # a method's assignment has its value's code in one branch of the general send, and
    # in the lookup-free one only when it is flat: nested assignments would double the
    # code at every level
    from pyio_core.eval import compiler

    def lines(depth: int) -> int:
        sizes = []
        plain = compiler._python_code

        def measure(src: str, filename: str):
            if "def run(blk" in src:  # the method's activation
                sizes.append(src.count("\n"))
            return plain(src, filename)

        monkeypatch.setattr(compiler, "_python_code", measure)
        names = [f"s{i}" for i in range(depth)]
        value = "1"
        for name in reversed(names):
            value = f"({name} = {value})"
        run(f"o := Object clone do({'; '.join(n + ' := 0' for n in names)}; f := method{value})\n"
            "for(i, 1, 4, o f)\n")
        return max(sizes)

    four, six = lines(4), lines(6)
    assert six < 1.5 * four
