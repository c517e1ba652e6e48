// A CodeMirror 6 language mode for Io, written as a stream parser: Io's syntax is
// small (messages, operators, literals, comments), so a tokenizer is all the editor
// needs for highlighting, and bracket matching works on the plain text.
import { StreamLanguage } from "@codemirror/language";

// Names that behave like keywords in practice (they are ordinary messages in Io).
const KEYWORDS = new Set([
  "method", "block", "if", "then", "else", "elseif", "ifTrue", "ifFalse", "while",
  "for", "loop", "repeat", "break", "continue", "return", "try", "catch", "ensure",
  "raise", "do", "clone", "call", "resend", "super", "yield", "pass",
]);
const ATOMS = new Set(["nil", "true", "false", "self", "Lobby", "thisContext"]);
const ASSIGN = new Set([":=", "::=", "=", "<-"]);
const OPERATOR_CHARS = /[:=+\-*/%<>!&|^~?@$\\]/;

function tokenString(stream, state) {
  const triple = state.inString === '"""';
  while (!stream.eol()) {
    if (triple ? stream.match('"""') : stream.eat('"')) {
      state.inString = null;
      return "string";
    }
    if (!triple && stream.next() === "\\") stream.next();
    else if (triple) stream.next();
  }
  if (!triple) state.inString = null; // a plain string ends at the line end
  return "string";
}

function tokenComment(stream, state) {
  if (stream.skipTo("*/")) {
    stream.match("*/");
    state.inComment = false;
  } else {
    stream.skipToEnd();
  }
  return "comment";
}

export const ioParser = {
  name: "io",
  startState: () => ({ inString: null, inComment: false }),
  token(stream, state) {
    if (state.inComment) return tokenComment(stream, state);
    if (state.inString) return tokenString(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match("//") || stream.match("#")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.match("/*")) {
      state.inComment = true;
      return tokenComment(stream, state);
    }
    if (stream.match('"""')) {
      state.inString = '"""';
      return tokenString(stream, state);
    }
    if (stream.eat('"')) {
      state.inString = '"';
      return tokenString(stream, state);
    }
    if (stream.match(/^0[xX][0-9a-fA-F]+/) || stream.match(/^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/)) {
      return "number";
    }
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
      const word = stream.current();
      if (ATOMS.has(word)) return "atom";
      if (KEYWORDS.has(word)) return "keyword";
      if (stream.match(/^\s*::?=/, false)) return "variableName.definition";
      return /^[A-Z]/.test(word) ? "typeName" : "variableName";
    }
    const ch = stream.next();
    if (ch === "(" || ch === ")") return "paren";
    if (ch === "[" || ch === "]") return "squareBracket";
    if (ch === "{" || ch === "}") return "brace";
    if (ch === "," || ch === ";") return "punctuation";
    if (OPERATOR_CHARS.test(ch)) {
      stream.eatWhile(OPERATOR_CHARS);
      return ASSIGN.has(stream.current()) ? "definitionOperator" : "operator";
    }
    return null;
  },
  languageData: {
    commentTokens: { line: "//", block: { open: "/*", close: "*/" } },
    closeBrackets: { brackets: ["(", "[", "{", '"'] },
  },
};

export const ioLanguage = StreamLanguage.define(ioParser);
