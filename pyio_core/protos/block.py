"""Block and method objects: calling, introspection, printing."""

from __future__ import annotations

from ..errors import IoError
from ..registry import Prims
from ..values import Block

P = Prims("Block")


def need_block(S, t, method: str) -> Block:
    if isinstance(t, Block):
        return t
    raise IoError(f"Block {method} called on a '{S.type_name(t)}'")


@P.gen("call")
def call(S, t, *args):
    blk = need_block(S, t, "call")
    return (yield from S.call_block(blk, list(args)))


@P.gen("callWithArgList")
def call_with_arg_list(S, t, args):
    blk = need_block(S, t, "callWithArgList")
    return (yield from S.call_block(blk, list(S.need_list(args, "callWithArgList").items)))


@P("argumentNames")
def argument_names(S, t):
    return S.new_list(list(need_block(S, t, "argumentNames").arg_names))


@P("setArgumentNames")
def set_argument_names(S, t, names):
    blk = need_block(S, t, "setArgumentNames")
    blk.arg_names = [S.simple_string(n) for n in S.need_list(names, "setArgumentNames").items]
    return t


@P("message")
def message(S, t):
    return need_block(S, t, "message").message


@P("setMessage")
def set_message(S, t, m):
    need_block(S, t, "setMessage").message = m
    return t


@P("scope")
def scope(S, t):
    s = need_block(S, t, "scope").scope
    return S.nil if s is None else s


@P("setScope")
def set_scope(S, t, s):
    need_block(S, t, "setScope").scope = None if s is S.nil else s
    return t


@P("passStops")
def pass_stops(S, t):
    return S.bool(need_block(S, t, "passStops").pass_stops)


@P("setPassStops")
def set_pass_stops(S, t, flag):
    need_block(S, t, "setPassStops").pass_stops = S.truthy(flag)
    return t


@P("isActivatable")
def is_activatable(S, t):
    return S.bool(need_block(S, t, "isActivatable").activatable)


@P("setIsActivatable")
def set_is_activatable(S, t, flag):
    need_block(S, t, "setIsActivatable").activatable = S.truthy(flag)
    return t
