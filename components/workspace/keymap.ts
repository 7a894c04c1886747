/**
 * Every workspace shortcut, once: the key handler dispatches through this table and the help
 * overlay lists it, so the two cannot disagree. A binding's `run` returns false when it does not
 * apply right now (no claim open, read-only), and the key then falls through to the page.
 */
export type KeyMode = "text" | "span" | "pick";

/** What the shortcuts can do; the workspace shell implements it over its hooks. */
export interface WorkspaceCommands {
  moveStatement(delta: 1 | -1): void;
  takeStatement(): boolean;
  cancel(): void;
  nextSuggestion(): boolean;
  stepClaim(delta: 1 | -1): void;
  nextUnsourced(): void;
  searchSource(): boolean;
  searchVia(): boolean;
  startPick(target: "cue" | "mention"): boolean;
  setMode(key: "1" | "2" | "3"): boolean;
  deleteClaim(): boolean;
  adjustSpan(): boolean;
  openHelp(): void;
  span: {
    step(step: "dropFirst" | "dropLast" | "addBefore" | "addAfter"): void;
    save(): void;
    cancel(): void;
  };
  pick: {
    move(step: "next" | "prev" | "dropFirst" | "dropLast" | "addBefore" | "addAfter"): void;
    /** Type-to-jump: a letter or digit typed while marking. */
    type(letter: string): void;
    save(): void;
    cancel(): void;
  };
}

export interface KeyBinding {
  /** Normalised key names (see keyName): "j", "ArrowDown", "Shift+ArrowRight", "Alt+Shift+ArrowLeft". */
  keys: readonly string[];
  mode: KeyMode;
  description: string;
  run: (commands: WorkspaceCommands, name: string) => boolean | undefined;
}

/** Stands for any one letter or digit in `keys`. */
export const LETTER = "Letter";
const isLetter = (name: string) => /^[\p{L}\p{N}]$/u.test(name);

const always =
  (action: (c: WorkspaceCommands) => void) =>
  (c: WorkspaceCommands): boolean => {
    action(c);
    return true;
  };

export const KEYMAP: readonly KeyBinding[] = [
  // Adjusting a selection (a new claim's span), before the plain text keys.
  {
    keys: ["Shift+ArrowRight"],
    mode: "span",
    description: "drop the first word of the selection",
    run: always((c) => c.span.step("dropFirst")),
  },
  {
    keys: ["Shift+ArrowLeft"],
    mode: "span",
    description: "drop the last word of the selection",
    run: always((c) => c.span.step("dropLast")),
  },
  {
    keys: ["Alt+Shift+ArrowLeft"],
    mode: "span",
    description: "add the word before the selection",
    run: always((c) => c.span.step("addBefore")),
  },
  {
    keys: ["Alt+Shift+ArrowRight"],
    mode: "span",
    description: "add the word after the selection",
    run: always((c) => c.span.step("addAfter")),
  },
  {
    keys: ["Enter"],
    mode: "span",
    description: "create the claim (or save the adjusted span)",
    run: always((c) => c.span.save()),
  },
  { keys: ["Escape"], mode: "span", description: "cancel the selection", run: always((c) => c.span.cancel()) },

  // Marking a cue or mention.
  { keys: ["ArrowRight"], mode: "pick", description: "mark the next word", run: always((c) => c.pick.move("next")) },
  {
    keys: ["ArrowLeft"],
    mode: "pick",
    description: "mark the previous word",
    run: always((c) => c.pick.move("prev")),
  },
  {
    keys: ["Shift+ArrowRight"],
    mode: "pick",
    description: "extend the mark by a word",
    run: always((c) => c.pick.move("addAfter")),
  },
  {
    keys: ["Shift+ArrowLeft"],
    mode: "pick",
    description: "drop the mark's last word",
    run: always((c) => c.pick.move("dropLast")),
  },
  {
    keys: ["Alt+Shift+ArrowLeft"],
    mode: "pick",
    description: "extend the mark by the word before it",
    run: always((c) => c.pick.move("addBefore")),
  },
  {
    keys: ["Alt+Shift+ArrowRight"],
    mode: "pick",
    description: "drop the mark's first word (or a clitic such as و)",
    run: always((c) => c.pick.move("dropFirst")),
  },
  {
    keys: [LETTER],
    mode: "pick",
    description: "jump to the next word starting with the letters typed",
    run: (c, name) => {
      c.pick.type(name);
      return true;
    },
  },
  { keys: ["Enter"], mode: "pick", description: "save the mark", run: always((c) => c.pick.save()) },
  { keys: ["Escape"], mode: "pick", description: "stop marking", run: always((c) => c.pick.cancel()) },

  // The text.
  {
    keys: ["j", "ArrowDown"],
    mode: "text",
    description: "next statement",
    run: always((c) => c.moveStatement(1)),
  },
  {
    keys: ["k", "ArrowUp"],
    mode: "text",
    description: "previous statement",
    run: always((c) => c.moveStatement(-1)),
  },
  {
    keys: ["Enter"],
    mode: "text",
    description: "take the statement as a claim; Enter again creates it",
    run: (c) => c.takeStatement(),
  },
  { keys: ["s"], mode: "text", description: "search the source of the current claim", run: (c) => c.searchSource() },
  {
    keys: ["v"],
    mode: "text",
    description: "search the via (second-hand) source of the current claim's attribution",
    run: (c) => c.searchVia(),
  },
  { keys: ["1"], mode: "text", description: "mode: direct quote", run: (c) => c.setMode("1") },
  { keys: ["2"], mode: "text", description: "mode: partial quote", run: (c) => c.setMode("2") },
  { keys: ["3"], mode: "text", description: "mode: paraphrase", run: (c) => c.setMode("3") },
  {
    keys: ["a"],
    mode: "text",
    description: "adjust the current claim's span (then the selection keys, or drag), keeping its sources",
    run: (c) => c.adjustSpan(),
  },
  { keys: ["c"], mode: "text", description: "mark the cue words", run: (c) => c.startPick("cue") },
  { keys: ["m"], mode: "text", description: "mark the source mention", run: (c) => c.startPick("mention") },
  { keys: ["]"], mode: "text", description: "next claim", run: always((c) => c.stepClaim(1)) },
  { keys: ["["], mode: "text", description: "previous claim", run: always((c) => c.stepClaim(-1)) },
  {
    keys: ["n"],
    mode: "text",
    description: "go to the suggestions: Enter accepts, Backspace rejects, e accepts and edits, ↑ ↓ move",
    run: (c) => c.nextSuggestion(),
  },
  { keys: ["u"], mode: "text", description: "next unsourced sentence", run: always((c) => c.nextUnsourced()) },
  {
    keys: ["x", "Delete"],
    mode: "text",
    description: "delete the current claim (undo from the message)",
    run: (c) => c.deleteClaim(),
  },
  {
    keys: ["Escape"],
    mode: "text",
    description: "clear the selection and the source highlight",
    run: always((c) => c.cancel()),
  },
  { keys: ["?"], mode: "text", description: "this help", run: always((c) => c.openHelp()) },
];

/** The table's name for a key press: printable characters as typed (Shift is in the character), else modifiers + key. */
export function keyName(event: Pick<KeyboardEvent, "key" | "altKey" | "shiftKey">): string {
  if (event.key.length === 1) return `${event.altKey ? "Alt+" : ""}${event.key}`;
  return `${event.altKey ? "Alt+" : ""}${event.shiftKey ? "Shift+" : ""}${event.key}`;
}

/** Arrows follow the screen: in right-to-left text → moves towards the text's start. */
export function mirrorArrows(name: string): string {
  if (name.endsWith("ArrowLeft")) return `${name.slice(0, -"ArrowLeft".length)}ArrowRight`;
  if (name.endsWith("ArrowRight")) return `${name.slice(0, -"ArrowRight".length)}ArrowLeft`;
  return name;
}

/**
 * Runs the first binding of the active modes (most specific first) that takes the key; true when
 * one did. `modes` is e.g. ["pick"] while marking, ["span", "text"] while a selection is open.
 */
export function dispatchKey(name: string, modes: readonly KeyMode[], commands: WorkspaceCommands): boolean {
  for (const mode of modes) {
    for (const binding of KEYMAP) {
      const matches = binding.keys.includes(name) || (binding.keys.includes(LETTER) && isLetter(name));
      if (binding.mode === mode && matches && binding.run(commands, name) !== false) return true;
    }
  }
  return false;
}

const KEY_LABELS: Record<string, string> = {
  ArrowRight: "→",
  ArrowLeft: "←",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
  Delete: "Del",
  [LETTER]: "letters",
};

/** "Alt+Shift+ArrowLeft" → "Alt + Shift + ←", for the help overlay and panel hints. */
export function keyLabel(name: string): string {
  const parts = name.length === 1 ? [name] : name.split("+");
  return parts.map((p) => KEY_LABELS[p] ?? p).join(" + ");
}

export const MODE_TITLES: Record<KeyMode, string> = {
  text: "In the text",
  span: "While a selection is open",
  pick: "While marking a cue or mention",
};
