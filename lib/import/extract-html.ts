import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface ExtractedArticle {
  title: string;
  body: string;
  url?: string;
  language?: string;
  publishedAt?: string;
  author?: string;
}

/** Elements a browser lays out as blocks: each becomes its own paragraph. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TR",
  "UL",
]);
const HIDDEN = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg", "SVG"]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The text of an element as a reader sees it rendered: runs of white space collapse to one space
 * (except inside <pre>), <br> breaks the line, block elements (paragraphs, headings, list items,
 * quotes) are separated by a blank line — the paragraph convention the segmenter reads.
 */
export function visibleText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const text = current
      .split("\n")
      .map((l) => l.trim())
      .join("\n")
      .trim();
    if (text) paragraphs.push(text);
    current = "";
  };
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? "";
      current += pre ? text : text.replace(/[ \t\n\r\f]+/g, " ");
      return;
    }
    if (node.nodeType !== 1 || HIDDEN.has(node.nodeName)) return;
    if (node.nodeName === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i], pre || node.nodeName === "PRE");
    if (block) flush();
    else if (node.nodeName === "TD" || node.nodeName === "TH") current += " ";
  };
  walk(root, false);
  flush();
  // Collapsed spaces next to a <br> were kept by the split/trim above; join paragraphs.
  return paragraphs.map((p) => p.replace(/ {2,}/g, " ")).join("\n\n");
}

/** Below this, what Readability found is navigation or boilerplate, not a story. */
const MIN_ARTICLE_CHARS = 80;

const meta = (document: Document, selector: string, attribute = "content") =>
  document.querySelector(selector)?.getAttribute(attribute)?.trim() || undefined;

/**
 * The story in a saved web page, through Mozilla's Readability (Firefox Reader View) over linkedom:
 * its title, its text as a reader sees it, and what the page says of its address, language, date
 * and byline. Null when Readability finds no article.
 */
export function extractHtml(html: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const url = meta(document, 'link[rel="canonical"]', "href") ?? meta(document, 'meta[property="og:url"]');
  const language = document.documentElement?.getAttribute("lang")?.trim() || undefined;
  const publishedAt =
    meta(document, 'meta[property="article:published_time"]') ?? meta(document, "time[datetime]", "datetime");
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const body = visibleText(content.body as unknown as DomNode);
  // Readability returns whatever text it finds, a menu included; a story has more than a few words.
  if (body.length < MIN_ARTICLE_CHARS) return null;
  const title = (parsed.title ?? "").replace(/\s+/g, " ").trim() || body.split("\n")[0].slice(0, 200);
  return {
    title,
    body,
    url,
    language,
    publishedAt,
    author: parsed.byline?.replace(/\s+/g, " ").trim() || undefined,
  };
}
