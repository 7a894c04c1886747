import { escapeHtml as h } from "@/lib/reports/format-html";
import { percent } from "@/lib/reports/labels";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";
import type { TransparencyCard } from "./build-card";
import { type CardStyle, styleOverrides } from "./card-style";

/** Every colour and the font come from `--sd-*` variables with sober defaults; print is black on white. */
const BASE_CSS = `
.sd-card{font-family:var(--sd-font,system-ui,sans-serif);color:var(--sd-text,#1f2328);background:var(--sd-background,#fff);
border:1px solid var(--sd-border,#d0d7de);border-radius:6px;padding:1rem 1.25rem;line-height:1.45;font-size:var(--sd-font-size,1rem);max-width:48rem}
body{margin:0;padding:.5rem;background:var(--sd-background,#fff)}
.sd-card h1{font-size:1.35em;margin:.1em 0 .3em}.sd-card h2{font-size:1em;margin:1em 0 .3em;color:var(--sd-accent,#0b5cad)}
.sd-kicker{margin:0;font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:var(--sd-muted,#57606a)}
.sd-meta,.sd-note{color:var(--sd-muted,#57606a);font-size:.9em;margin:.2em 0}
.sd-card ul{margin:.2em 0;padding-left:1.2em}.sd-card li{margin:.15em 0}
.sd-card dl{display:grid;grid-template-columns:auto 1fr;gap:.15em 1em;margin:.3em 0}.sd-card dt{font-weight:600}.sd-card dd{margin:0}
.sd-card a{color:var(--sd-accent,#0b5cad)}
.sd-embed .sd-card h1{font-size:1.1em}
@media print{.sd-card{border:0;color:#000;background:#fff;max-width:none}.sd-card a{color:#000}.sd-card a[href]::after{content:" (" attr(href) ")"}}
`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const timeTag = (iso: string) => `<time datetime="${h(iso)}">${h(day(iso)!)}</time>`;

function section(id: string, title: string, items: string[], empty: string): string {
  const body = items.length
    ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`
    : `<p class="sd-note">${empty}</p>`;
  return `<section aria-labelledby="sd-${id}"><h2 id="sd-${id}">${title}</h2>${body}</section>`;
}

/** The card as markup alone: what the page and the embed wrap, and what a CMS may inline. */
export function cardMarkup(card: TransparencyCard, { linkTarget }: { linkTarget?: "_blank" } = {}): string {
  const target = linkTarget ? ` target="${linkTarget}" rel="noopener noreferrer"` : "";
  const { article, claims } = card;
  const meta = [
    article.outlet && h(article.outlet),
    article.publishedAt && `published ${timeTag(article.publishedAt)}`,
    card.reviewedAt && `sourcing reviewed ${timeTag(card.reviewedAt)}`,
  ].filter(Boolean);
  const glance = [
    ["Attributed claims", String(claims.attributed)],
    [
      "Resting only on anonymous sources",
      `${claims.anonymousOnly}${claims.anonymousShare === null ? "" : ` (${percent(claims.anonymousShare)})`}`,
    ],
    ["Reached us second-hand", String(claims.secondHand)],
  ];
  const claimCount = (n: number) => ` <span class="sd-note">(${plural(n, "claim")})</span>`;
  return [
    `<article class="sd-card" lang="${h(article.language)}" aria-labelledby="sd-title">`,
    `<header><p class="sd-kicker">How this story was sourced</p><h1 id="sd-title" dir="auto">${h(article.title)}</h1>`,
    meta.length ? `<p class="sd-meta">${meta.join(" · ")}</p>` : "",
    "</header>",
    `<section aria-labelledby="sd-glance"><h2 id="sd-glance">At a glance</h2><dl>${glance.map(([t, d]) => `<dt>${t}</dt><dd>${d}</dd>`).join("")}</dl></section>`,
    section(
      "named",
      "Named sources",
      card.namedSources.map(
        (s) =>
          `<strong dir="auto">${h(s.name)}</strong>${[s.role, s.affiliation]
            .filter(Boolean)
            .map((v) => `, <span dir="auto">${h(v!)}</span>`)
            .join(
              "",
            )} <span class="sd-note">${h(SOURCE_TYPE_LABELS[s.type].toLowerCase())}</span>${claimCount(s.claims)}`,
      ),
      "No named sources.",
    ),
    section(
      "anonymous",
      "Anonymous sources",
      card.anonymousSources.map(
        (s) =>
          `<strong dir="auto">${h(s.descriptor)}</strong>${s.count && s.count > 1 ? ` (${s.count} people)` : ""}${claimCount(s.claims)}` +
          `<br><span class="sd-note">Why anonymity was granted:</span> ${s.reason ? `<span dir="auto">${h(s.reason)}</span>` : "no reason was recorded"}`,
      ),
      "No anonymous sources.",
    ),
    section(
      "documents",
      "Documents cited",
      card.documents.map(
        (d) =>
          `<span dir="auto">${h(d.name)}</span>${d.affiliation ? `, <span dir="auto">${h(d.affiliation)}</span>` : ""}${claimCount(d.claims)}`,
      ),
      "No documents cited.",
    ),
    section(
      "chains",
      "Second-hand",
      card.secondHand.map(
        (c) =>
          `<span dir="auto">${h(c.source.name)}</span>, as reported by <span dir="auto">${h(c.via.name)}</span>${claimCount(c.claims)}`,
      ),
      "Nothing reached us second-hand.",
    ),
    `<footer><p class="sd-note">Compiled from the attributions our editors recorded for each claim.${
      article.url ? ` <a href="${h(article.url)}"${target}>Read the story</a>` : ""
    }</p></footer>`,
    "</article>",
  ].join("");
}

/** A standalone HTML document: the public page, or (embed) the compact one for an iframe. */
export function cardDocument(
  card: TransparencyCard,
  { embed, style = {} }: { embed: boolean; style?: CardStyle },
): string {
  return (
    `<!doctype html><html lang="${h(card.article.language)}"${embed ? ' class="sd-embed"' : ""}><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>How this story was sourced: ${h(card.article.title)}</title><style>${BASE_CSS}${styleOverrides(style)}</style></head>` +
    `<body>${cardMarkup(card, { linkTarget: embed ? "_blank" : undefined })}</body></html>\n`
  );
}
