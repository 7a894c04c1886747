/**
 * Reads one corpus source file (docs/attribution-guidelines.md, "Authoring format"): a `%` header
 * (metadata and sources) followed by the article with inline `[[label|text]]` tags. Returns the plain
 * text and every tag with its UTF-16 span in that text. Pure; the gold is assembled in to-gold.ts.
 */
import { enumValues } from "../../lib/enum-values";
import { SourceType } from "../../lib/generated/prisma/enums";

// The schema's source types (the gold's `type` is what the API stores), not a list typed out again.
export const SOURCE_TYPES = enumValues(SourceType);

export interface SourceDef {
  id: string;
  label: string;
  type: SourceType;
  named: boolean;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymityReason: string | null;
}

export interface Tag {
  role: "c" | "v" | "s";
  claim: string;
  attrs: string[];
  start: number;
  end: number;
  /** 1-based line of the source file where the tag opens, for error messages. */
  line: number;
}

export interface ParsedSource {
  meta: Record<string, string>;
  sources: SourceDef[];
  text: string;
  tags: Tag[];
  errors: string[];
}

const NAMED_BY_DEFAULT: Record<SourceType, boolean> = {
  person: true,
  organization: true,
  media_outlet: true,
  document: false,
  anonymous_individual: false,
  anonymous_group: false,
};

/** `% source <id> = <type> | <label> | key=value | …` with keys aff, role, anon, count, named. */
function parseSourceLine(body: string, errors: string[], line: number): SourceDef | null {
  const m = /^([a-z0-9][a-z0-9-]*)\s*=\s*(.+)$/.exec(body);
  if (!m) {
    errors.push(`line ${line}: bad source line "${body}"`);
    return null;
  }
  const [type, label, ...rest] = m[2].split("|").map((s) => s.trim());
  if (!SOURCE_TYPES.includes(type as SourceType)) {
    errors.push(`line ${line}: source ${m[1]} has unknown type "${type}"`);
    return null;
  }
  const t = type as SourceType;
  const def: SourceDef = {
    id: m[1],
    label: label ?? "",
    type: t,
    named: NAMED_BY_DEFAULT[t],
    count: t === "anonymous_individual" ? 1 : null,
    affiliation: null,
    role: null,
    anonymityReason: null,
  };
  if (!def.label) errors.push(`line ${line}: source ${m[1]} has no label`);
  for (const kv of rest) {
    const [k, ...v] = kv.split("=");
    const value = v.join("=").trim();
    if (k === "aff") def.affiliation = value;
    else if (k === "role") def.role = value;
    else if (k === "anon") def.anonymityReason = value;
    else if (k === "named") def.named = value === "yes";
    else if (k === "count" && /^\d+$/.test(value)) def.count = Number(value);
    else errors.push(`line ${line}: source ${m[1]} has unknown field "${kv}"`);
  }
  return def;
}

const LABEL = /^([cvs])([a-z0-9]+)((?:\s+\S+)*)\s*$/;

export function parseMarkup(source: string): ParsedSource {
  const errors: string[] = [];
  const meta: Record<string, string> = {};
  const sources: SourceDef[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const body: { text: string; line: number }[] = [];
  let inHeader = true;
  lines.forEach((raw, i) => {
    if (raw.startsWith("%%")) return; // annotator's comment, anywhere
    if (inHeader && raw.startsWith("%")) {
      const h = raw.slice(1).trim();
      if (h.startsWith("source ")) {
        const def = parseSourceLine(h.slice(7).trim(), errors, i + 1);
        if (def) sources.push(def);
      } else {
        const m = /^([a-z-]+):\s*(.*)$/.exec(h);
        if (m) meta[m[1]] = m[2];
        else if (h) errors.push(`line ${i + 1}: bad header line "${raw}"`);
      }
      return;
    }
    inHeader = false;
    body.push({ text: raw, line: i + 1 });
  });
  while (body.length && !body[0].text.trim()) body.shift();
  while (body.length && !body[body.length - 1].text.trim()) body.pop();
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) errors.push(`source ${s.id} defined twice`);
    seen.add(s.id);
  }

  let text = "";
  const tags: Tag[] = [];
  const open: { label: string; start: number; line: number }[] = [];
  body.forEach(({ text: line, line: lineNo }, li) => {
    if (li > 0) text += "\n";
    for (let i = 0; i < line.length; i++) {
      if (line.startsWith("[[", i)) {
        const bar = line.indexOf("|", i + 2);
        const label = bar < 0 ? "" : line.slice(i + 2, bar);
        if (bar < 0 || /[[\]]/.test(label)) {
          errors.push(`line ${lineNo}: "[[" without "label|"`);
          continue;
        }
        open.push({ label, start: text.length, line: lineNo });
        i = bar;
      } else if (line.startsWith("]]", i)) {
        const o = open.pop();
        if (!o) {
          errors.push(`line ${lineNo}: "]]" without "[["`);
          continue;
        }
        const m = LABEL.exec(o.label);
        if (!m) errors.push(`line ${o.line}: bad tag label "${o.label}"`);
        else
          tags.push({
            role: m[1] as Tag["role"],
            claim: m[2],
            attrs: m[3].trim() ? m[3].trim().split(/\s+/) : [],
            start: o.start,
            end: text.length,
            line: o.line,
          });
        i++;
      } else text += line[i];
    }
  });
  for (const o of open) errors.push(`line ${o.line}: tag "${o.label}" is never closed`);
  return { meta, sources, text, tags, errors };
}
