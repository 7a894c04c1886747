import { groupBlocks } from "@/lib/statements/group-blocks";

interface Statement { id: string; ordinal: number; kind: "heading" | "sentence"; start: number; end: number; text: string }

/** The article as statements: headings as headings, sentences in their paragraphs; text renders as text, never HTML. */
export function ArticleText({ body, statements }: { body: string; statements: Statement[] }) {
  return (
    <div className="space-y-4 font-serif text-lg leading-relaxed">
      {groupBlocks(body, statements).map((block) =>
        block.kind === "heading" ? (
          <h2 key={block.statement.id} dir="auto" className="pt-2 font-sans text-xl font-semibold" data-statement={block.statement.ordinal}>
            {block.statement.text}
          </h2>
        ) : (
          <p key={block.statements[0].id} dir="auto">
            {block.statements.map((s, i) => (
              <span key={s.id} data-statement={s.ordinal}>{i > 0 ? " " : ""}{s.text}</span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
