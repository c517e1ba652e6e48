// The JavaScript half of pyio's bridge (see docs/bridge.md).
//
// bridge/runtime.py evaluates this file once per installed interpreter and calls the
// function with `dispatch`, the single Python callable JS uses to reach Io
// (dispatch(op, a, b, c)).  Only that one PyProxy ever exists: Io objects handed to JS are
// integer handles wrapped in JS Proxies below, released by a FinalizationRegistry or
// explicitly (Element off, io.reset), so callbacks never leak Python proxies.
//
// Pyodide turns any thenable it hands to Python into a Python future, which would lose the
// real Promise; so every value going to Python passes through `box`, which wraps
// thenables in a Boxed object, and everything coming back passes through `unbox`.
(function (dispatch) {
  "use strict";
  const IOREF = Symbol("pyio.handle");

  class Boxed {
    constructor(p) { this.p = p; }
  }
  class Failure {
    constructor(error) { this.error = error; }
  }

  const isObj = (v) => v !== null && (typeof v === "object" || typeof v === "function");
  const isThenable = (v) => isObj(v) && v[IOREF] === undefined && typeof v.then === "function";
  const box = (v) => (isThenable(v) ? new Boxed(v) : v);
  const unbox = (v) => (v instanceof Boxed ? v.p : v);

  // A call into Python: a Failure result is an Io exception to throw here; a Boxed one
  // a Promise for work that is still running in Io.
  let alive = true;
  const call = (op, a, b, c) => (alive ? dispatch(op, a, b, c) : undefined);
  // Stop switches off every Io object handed out before it (handles below `inertFrom`):
  // a timer, a listener or a then-callback still holding one does nothing when called
  let inertFrom = 0;
  const own = new WeakSet(); // the ioRef proxies of this interpreter

  function ask(op, a, b, c) {
    if (!alive) throw new Error("pyio: this interpreter has been reset");
    const r = dispatch(op, a, b, c);
    if (r instanceof Failure) throw r.error;
    return unbox(r);
  }

  const finalizer = new FinalizationRegistry((h) => call("release", h));

  // An Io object seen from JS: any property is a function sending that message,
  // assignment sets a slot, calling it calls the Io object (blocks run).
  function ioRef(h) {
    const target = function () {};
    const proxy = new Proxy(target, {
      get(t, k) {
        if (k === IOREF) return h;
        if (k === Symbol.toPrimitive || k === "toString") {
          return () => (inert(h) ? "[stopped Io object]" : ask("text", h));
        }
        if (typeof k === "symbol" || k === "then" || k === "toJSON") return undefined;
        return (...args) => send(h, k, args);
      },
      set(t, k, v) {
        send(h, "setSlot", [k, v]);
        return true;
      },
      apply(t, self, args) {
        return send(h, "call", args);
      },
    });
    finalizer.register(proxy, h);
    own.add(proxy);
    return proxy;
  }
  const inert = (h) => !alive || h < inertFrom;
  const send = (h, name, args) => (inert(h) ? undefined : ask("send", h, name, args.map(box)));

  // An Io exception that no JS code caught, at the top of a JS task (a listener, a timer,
  // a then-callback): reported to the interpreter's error output, where the user looks
  function uncaught(e) {
    const h = glue.errorHandle(e);
    if (h >= 0) call("uncaught", h);
  }
  const onError = (ev) => uncaught(ev.error);
  const onRejection = (ev) => uncaught(ev.reason);
  const page = typeof globalThis.addEventListener === "function";
  if (page) {
    globalThis.addEventListener("error", onError);
    globalThis.addEventListener("unhandledrejection", onRejection);
  }

  // Errors from another realm (Pyodide wraps a thrown string or undefined in its own) have a
  // message and a stack too
  const errorLike = (e) => e instanceof Error || (isObj(e) && typeof e.message === "string");

  // JS may throw anything; what reaches Python is always an Error (Pyodide would wrap a
  // thrown string or undefined in a long message of its own), the value in `thrown`
  class Thrown extends Error {
    constructor(value) {
      super(errorText(value));
      this.thrown = value;
    }
  }
  const guarded = (f) => function (...args) {
    try {
      return f.apply(this, args);
    } catch (e) {
      throw errorLike(e) ? e : new Thrown(e);
    }
  };

  function errorText(e) {
    if (errorLike(e)) return e.message;
    try { return String(e); } catch (_) { return Object.prototype.toString.call(e); }
  }

  const TYPED = {
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
  };

  let pumpQueued = false;
  const pump = () => { pumpQueued = false; call("pump"); };
  // a macrotask soon: setImmediate in Node, a MessageChannel message in browsers (not
  // clamped to 4ms like nested setTimeouts), setTimeout as the last resort
  let channel = null;
  if (typeof setImmediate !== "function" && typeof MessageChannel === "function") {
    channel = new MessageChannel();
    channel.port1.onmessage = pump;
  }

  const glue = {
    globalObject: () => globalThis,
    // what kind of JS object Python is looking at (primitives never get here)
    kind(v) {
      if (v instanceof Boxed) return "promise";
      if (v[IOREF] !== undefined) return "io";
      if (Array.isArray(v)) return "array";
      if (v instanceof Set) return "set";
      if (v instanceof Map) return "map";
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return "typed";
      return "object";
    },
    handle: (v) => v[IOREF],
    items: (v) => Array.from(v, box),
    entries: (v) => Array.from(v, ([k, x]) => [String(k), box(x)]),
    // upstream's rule: with arguments a method call, without a get that calls functions
    invoke(o, name, args) {
      o = unbox(o);
      const f = o[name];
      if (args.length) {
        if (typeof f !== "function") throw new TypeError(`${name} is not a function`);
        return box(f.apply(o, args.map(unbox)));
      }
      return box(typeof f === "function" ? f.call(o) : f);
    },
    get: (o, name) => box(unbox(o)[name]),
    set(o, name, v) { unbox(o)[name] = unbox(v); },
    apply: (f, args) => box(unbox(f)(...args.map(unbox))),
    construct: (f, args) => box(new (unbox(f))(...args.map(unbox))),
    typeOf: (v) => typeof unbox(v),
    // a short description for JSObject asString: <div#id.cls>, function f, [object Math]
    describe(v) {
      v = unbox(v);
      if (typeof v === "function") return "function " + (v.name || "anonymous");
      if (typeof Element === "function" && v instanceof Element) {
        const cls = typeof v.className === "string" && v.className ? "." + v.className.trim().split(/\s+/).join(".") : "";
        return "<" + v.tagName.toLowerCase() + (v.id ? "#" + v.id : "") + cls + ">";
      }
      let s;
      try { s = String(v); } catch (_) { s = Object.prototype.toString.call(v); }
      return s.length > 60 ? s.slice(0, 57) + "..." : s;
    },
    instanceOf: (v, c) => typeof c === "function" && unbox(v) instanceof c,
    func: (source) => new Function(source),
    array: (items) => items.map(unbox),
    map(keys, values) {
      const m = new Map();
      for (let i = 0; i < keys.length; i++) m.set(keys[i], unbox(values[i]));
      return m;
    },
    typed: (name, bytes) => new TYPED[name](bytes.slice().buffer),
    typedName: (v) => v.constructor.name,
    bytes: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
    errorText,
    errorStack: (e) => (errorLike(e) && e.stack ? String(e.stack) : ""),
    errorHandle: (e) => (isObj(e) && own.has(e.ioError) ? e.ioError[IOREF] : -1),
    watch(b, h) {
      b.p.then(
        (v) => call("settle", h, true, box(v)),
        (e) => call("settle", h, false, e),
      );
    },
    ioRef,
    // the JS Error for an Io exception; where it was raised (file, line, column) goes in
    // the properties Firefox's own Errors use for that
    error(message, stack, h, file, line, column) {
      const e = new Error(message);
      if (stack) e.stack = "Error: " + message + "\n" + stack;
      if (h >= 0) e.ioError = ioRef(h);
      if (file) Object.assign(e, { fileName: file, lineNumber: line, columnNumber: column });
      return e;
    },
    fail: (e) => new Failure(e),
    stop(h) { inertFrom = h; },
    // the interpreter is gone (io.reset): stop calling it, drop the Python proxy
    close() {
      alive = false;
      if (page) {
        globalThis.removeEventListener("error", onError);
        globalThis.removeEventListener("unhandledrejection", onRejection);
      }
      setTimeout(() => dispatch.destroy(), 0);
    },
    unboxed: (b) => b.p,
    deferred() {
      const d = {};
      const p = new Promise((res, rej) => { d.resolve = res; d.reject = rej; });
      d.boxed = new Boxed(p);
      return d;
    },
    // the slice driver: run the next slice soon (a macrotask, so the page can paint)
    later() {
      if (pumpQueued) return;
      pumpQueued = true;
      if (typeof setImmediate === "function") setImmediate(pump);
      else if (channel) channel.port2.postMessage(0);
      else setTimeout(pump, 0);
    },
    after: (ms) => setTimeout(() => call("pump", true), ms),
    importModule: (url) => new Boxed(import(url)),
    // Io output for pages that set io.onOutput (a BrowserHost without its own callback)
    output(text) {
      const f = globalThis.io && globalThis.io.onOutput;
      if (typeof f === "function") f(text);
    },
    isNode: () => typeof process === "object" && !!(process.versions && process.versions.node),
    mappedImport: (name) => (globalThis.io && globalThis.io.importMap ? globalThis.io.importMap[name] : undefined),
    importBase: () => (globalThis.io ? globalThis.io.importBase : undefined),
    makeApi() {
      const old = globalThis.io;
      const io = old && typeof old === "object" ? old : {};
      let ready = io._readyResolve;
      if (!ready || !io.ready) io.ready = new Promise((res) => { ready = res; });
      delete io._readyResolve;
      io.repl = (code) => {
        const d = glue.deferred();
        ask("repl", String(code), d);
        return d.boxed.p;
      };
      io.eval = (code) => ask("eval", String(code));
      Object.defineProperty(io, "lobby", { configurable: true, get: () => ioRef(ask("lobby")) });
      io.interrupt = () => ask("interrupt");
      io.reset = () => ask("reset");
      io.importMap = io.importMap || {};
      io._done = () => ready(io);
      globalThis.io = io;
      return io;
    },
    // DOM helpers (bridge/dom.py)
    method: (o, name, ...args) => o[name](...args.map(unbox)),
    same: (a, b) => a === b,
    getStyle: (el, p) => el.style.getPropertyValue(p) || el.style[p] || "",
    setStyle(el, p, v) {
      if (p.includes("-")) el.style.setProperty(p, v);
      else el.style[p] = v;
    },
    classList: (el, op, c) => el.classList[op](c),
    // an Element on() listener: calls the block with the event, as any Io callback
    listener: (h) => (ev) => send(h, "call", [ev]),
    listen(node, event, fn) { node.addEventListener(event, fn); },
    unlisten(node, event, fn) { node.removeEventListener(event, fn); },
  };
  // the calls that run arbitrary JS code (methods, getters, iterators, constructors)
  for (const name of ["invoke", "get", "set", "apply", "construct", "instanceOf", "items",
                      "entries", "method", "func"]) {
    glue[name] = guarded(glue[name]);
  }
  return glue;
})
