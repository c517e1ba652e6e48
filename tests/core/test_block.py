"""Block objects: calling, scope, passStops, performOn, introspection and upstream's printing formats.

Most cases are Io snippets whose expected output was taken from the reference Io binary;
addresses (0x...) are compared loosely since they differ between runs.
"""

from __future__ import annotations


import pytest

from iotest import labelled as run, loose


CASES = [
    ("""\
method(a, a+1) println""",
     """\

# _s.io:1
method(a, 
    a + 1
)
"""),
    ("""\
block(a, a) println""",
     """\

# _s.io:1
method(a, 
    a
)
"""),
    ("""\
method(a, a+1) code println
block(a, a) code println
block(foo bar) code println""",
     """\
method(a, a +(1))
block(a, a)
block(foo bar)
"""),
    ("""\
b := block(foo bar)
getSlot("b") setScope(nil)
getSlot("b") code println""",
     """\
method(foo bar)
"""),
    ("""\
Block println""",
     """\

# [unlabeled]:0
method(
    nil
)
"""),
    ("""\
x := method(a, a + 1) println
x println""",
     """\

# _s.io:1
method(a, 
    a + 1
)
nil
"""),
    ("""\
z := method(
  a := 1
  b := 2; c := 3
  if(a, b,
    c)
  foo(1, 2) bar
  a := b + c * 2
  Foo := 1
  x = 2
  y ::= 3
  return a
)
getSlot("z") println""",
     """\

# _s.io:2
method(
    a := 1
    b := 2; c := 3
    if(a, b, 
        c
    ); foo(1, 2) bar
    a := b + c * 2
    Foo := 1
    x = 2
    y ::= 3
    return a
)
"""),
    ("""\
method(list(1, 2,
  3)) println""",
     """\

# _s.io:1
method(
    list(1, 2, 
        3
    )
)
"""),
    ("""\
method(a b(c d(e))) println""",
     """\

# _s.io:1
method(
    a b(c d(e))
)
"""),
    ("""\
method("str" .. 3) println""",
     """\

# _s.io:1
method(
    "str" .. 3
)
"""),
    ("""\
method(nil) println
method() println""",
     """\

# _s.io:1
method(
    nil
)

# [unlabeled]:0
method(
    nil
)
"""),
    ("""\
m := method(
  if(x,
    y
  ,
    z
  )
)
getSlot("m") println""",
     """\

# _s.io:2
method(
    if(x, 
        y
    ,
        z
    )
)
"""),
    ("""\
m := method(
  a


  b
  c; d
)
getSlot("m") println""",
     """\

# _s.io:2
method(
    a

    b
    c; d
)
"""),
    ("""\
m := method(x, y, x + y)
getSlot("m") asString println
getSlot("m") asSimpleString println
block(z) asSimpleString println""",
     """\
# _s.io:1
method(x, y, 
    x + y
)
method(x, y, ...)
block(...)
"""),
    ("""\
Object clone do(f := method(a, b, nil); g := block(c, nil)) println""",
     """\
 Object_0x556eb43dd2a0:
  f                = method(a, b, ...)
  g                = block(c, ...)

"""),
    ("""\
b := block(a, b, a + b)
b call(1, 2) println
b callWithArgList(list(3, 4)) println""",
     """\
3
7
"""),
    ("""\
m := method(a, list(self type, a))
getSlot("m") call(5) println""",
     """\
list("Object", 5)
"""),
    ("""\
testMessage := Message fromString("arg1 + arg2")
testBlock := Lobby getSlot("Block") clone setMessage(testMessage) setArgumentNames(list("arg1", "arg2"))
testBlock call(3, 2) println""",
     """\
5
"""),
    ("""\
b := block(a, b, c, foo bar)
getSlot("b") argumentNames println
block(foo) argumentNames println
getSlot("b") setArgumentNames(list("d", "e")) argumentNames println""",
     """\
list("a", "b", "c")
list()
list("d", "e")
"""),
    ("""\
e := try(block(foo) setArgumentNames(nil))
e error println
e := try(block(foo) setArgumentNames(list(1)))
e error println
e := try(block(foo) setMessage(nil))
e error println
e := try(block(foo) setMessage)
e error println""",
     """\
argument 0 to method 'setArgumentNames' must be a List, not a 'nil'
Io Assertion 'argument names must be Strings'
argument 0 to method 'setMessage' must be a Message, not a 'nil'
argument 0 to method 'setMessage' must be a Message, not a 'nil'
"""),
    ("""\
block(foo bar) message code println
block(foo bar) setMessage(message(baz)) code println""",
     """\
foo bar
block(baz)
"""),
    ("""\
(block(foo bar) scope == thisContext) println
b := block(thisContext)
getSlot("b") setScope(nil)
getSlot("b") scope println
o := Object clone
getSlot("b") setScope(o)
(getSlot("b") scope == o) println
getSlot("b") setScope
getSlot("b") scope println""",
     """\
true
nil
true
nil
"""),
    ("""\
b := block(return "block")
a := method(b call; return "method")
a println
b := block(return "block") setPassStops(true)
a := method(b call; return "method")
a println
b passStops println""",
     """\
method
block
true
"""),
    ("""\
m := method(x, x * 2)
o := Object clone do(v := 10)
getSlot("m") performOn(o, thisContext, message(m(4))) println
n := method(v)
getSlot("n") performOn(o) println""",
     """\
8
10
"""),
    ("""\
list(method(nil) isActivatable, block(nil) isActivatable, getSlot("if") isActivatable) println
b := block(1)
getSlot("b") setIsActivatable(true)
getSlot("b") isActivatable println""",
     """\
list(true, false, true)
true
"""),
    ("""\
block1 := Lobby getSlot("Block") clone
(Lobby getSlot("Block") uniqueId != getSlot("block1") uniqueId) println
block1 type println""",
     """\
true
Block
"""),
    ("""\
f := block(x, x + 1)
f justSerialized(s := SerializationStream clone)
s output println""",
     """\
block(x, x +(1))

"""),
    ("""\
m := method(a, b, nil)
getSlot("m") message println
getSlot("m") type println""",
     """\
nil
Block
"""),
    ("""\
m := method(
    a := 1
    return a
)
getSlot("m") code println""",
     """\
method(setSlot("a", 1) ;
return(a))
"""),
]


@pytest.mark.parametrize("code, expected", CASES)
def test_like_upstream(code, expected):
    assert loose(run(code)) == loose(expected)
