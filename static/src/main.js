// The page's JavaScript: the CodeMirror editor, autosave, share links and the theme.
// It runs before Python is loaded so the editor is usable at once; the Python side
// (ide/app.py, running in PyScript) then wires Run/Stop/Reset, the console and the
// inspector, and talks to the editor through `window.pyioEditor`.
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter,
  keymap, lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history as undoHistory, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import {
  autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap,
} from "@codemirror/autocomplete";
import { tags } from "@lezer/highlight";
import { ioLanguage } from "./io-mode.js";
import { decodeShare, encodeShare } from "./share.js";

const SAVE_KEY = "pyio.buffer";
const THEME_KEY = "pyio.theme";
const WELCOME = `// Welcome to pyio: Io in your browser.  Ctrl+Enter (Cmd+Enter) runs.
Person := Object clone do(
    name := "Io"
    greet := method(writeln("Hello, ", name, "!"))
)
Person greet
`;

// ---------------------------------------------------------------- highlighting
const ioHighlight = HighlightStyle.define([
  { tag: tags.comment, color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: tags.string, color: "var(--hl-string)" },
  { tag: tags.number, color: "var(--hl-number)" },
  { tag: [tags.keyword, tags.atom], color: "var(--hl-keyword)" },
  { tag: tags.typeName, color: "var(--hl-type)" },
  { tag: tags.definition(tags.variableName), color: "var(--hl-def)", fontWeight: "bold" },
  { tag: [tags.operator, tags.definitionOperator], color: "var(--hl-operator)" },
  { tag: [tags.paren, tags.squareBracket, tags.brace], color: "var(--hl-bracket)" },
]);

// ---------------------------------------------------------------- error marks
// Errors from a run or the parser mark their line and, at their column, the word there.
const setErrors = StateEffect.define();
const errorField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) if (e.is(setErrors)) marks = e.value;
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function errorDecorations(doc, errors) {
  const ranges = [];
  for (const { line, column, message } of errors) {
    if (line < 1 || line > doc.lines) continue;
    const ln = doc.line(line);
    ranges.push(Decoration.line({
      class: "cm-io-error-line", attributes: { title: message, "data-error-line": String(line) },
    }).range(ln.from));
    const start = Math.min(ln.from + Math.max(column - 1, 0), ln.to);
    const rest = doc.sliceString(start, ln.to);
    const len = Math.max((rest.match(/^[A-Za-z0-9_]+|^\S/) || [""])[0].length, 1);
    if (start < ln.to) {
      ranges.push(Decoration.mark({ class: "cm-io-error", attributes: { title: message } })
        .range(start, Math.min(start + len, ln.to)));
    }
  }
  return Decoration.set(ranges, true);
}

// ---------------------------------------------------------------- completion
// Python registers `pyioEditor.completer(textBeforeCursor) -> [names]` once it is ready.
function ioCompletions(context) {
  const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
  if (!word && !context.explicit) return null;
  const completer = window.pyioEditor.completer;
  if (!completer) return null;
  const before = context.state.doc.sliceString(Math.max(0, context.pos - 400), context.pos);
  const names = Array.from(completer(before) || []);
  return {
    from: word ? word.from : context.pos,
    options: names.map((label) => ({ label, type: "property" })),
    validFor: /^[A-Za-z0-9_]*$/,
  };
}

// ---------------------------------------------------------------- the editor
function clickButton(id) {
  const button = document.getElementById(id);
  if (button && !button.disabled) button.click();
  return true;
}

function save(text) {
  try {
    localStorage.setItem(SAVE_KEY, text);
  } catch {
    // storage full or disabled: nothing else to do, the editor keeps the text
  }
}

const view = new EditorView({
  parent: document.getElementById("editor"),
  state: EditorState.create({
    doc: localStorage.getItem(SAVE_KEY) ?? WELCOME,
    extensions: [
      keymap.of([
        { key: "Mod-Enter", run: () => clickButton("run"), preventDefault: true },
        ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
        ...completionKeymap, indentWithTab,
      ]),
      lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(),
      undoHistory(), bracketMatching(), closeBrackets(), indentOnInput(),
      highlightSelectionMatches(), ioLanguage, syntaxHighlighting(ioHighlight),
      autocompletion({ override: [ioCompletions] }), errorField,
      EditorView.contentAttributes.of({ "aria-label": "Io code editor" }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) save(u.state.doc.toString());
      }),
    ],
  }),
});

// ---------------------------------------------------------------- share links
async function loadFromHash() {
  const m = location.hash.match(/^#code=(.+)$/);
  if (!m) return false;
  try {
    const text = await decodeShare(m[1]);
    setCode(text);
    setStatus("Loaded the shared code. Press Run to run it.");
    return true;
  } catch {
    setStatus("This share link is damaged: its code could not be read.");
    return false;
  }
}

async function share() {
  const url = `${location.origin}${location.pathname}#code=${await encodeShare(getCode())}`;
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    setStatus("Share link copied to the clipboard.");
  } catch {
    setStatus("Share link is in the address bar.");
  }
  return url;
}

// ---------------------------------------------------------------- theme
function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  const button = document.getElementById("theme");
  button.textContent = { auto: "Theme: auto", light: "Theme: light", dark: "Theme: dark" }[theme];
}

function cycleTheme() {
  const order = ["auto", "light", "dark"];
  const next = order[(order.indexOf(document.documentElement.dataset.theme) + 1) % 3];
  localStorage.setItem(THEME_KEY, next);
  applyTheme(next);
}

// ---------------------------------------------------------------- API for Python
function getCode() {
  return view.state.doc.toString();
}

function setCode(text) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    effects: setErrors.of(Decoration.none),
  });
}

function setStatus(text) {
  document.getElementById("status").textContent = text;
}

window.pyioEditor = {
  view,
  getCode,
  setCode,
  setStatus,
  share,
  saveNow: () => save(getCode()),
  focus: () => view.focus(),
  markErrors(errors) {
    const list = Array.from(errors, (e) => ({ line: e.line, column: e.column, message: e.message }));
    view.dispatch({ effects: setErrors.of(errorDecorations(view.state.doc, list)) });
  },
  clearErrors: () => view.dispatch({ effects: setErrors.of(Decoration.none) }),
  completer: null,
};

// PyScript reports its loading steps ("Loading interpreter", "Loaded Pyodide"...): each
// becomes a performance mark, so the load time can be taken apart (docs/ide.md).
addEventListener("py:progress", (e) => performance.mark(`py: ${e.detail}`));

applyTheme(localStorage.getItem(THEME_KEY) || "auto");
document.getElementById("theme").addEventListener("click", cycleTheme);
document.getElementById("share").addEventListener("click", share);
window.addEventListener("hashchange", loadFromHash);
loadFromHash();
