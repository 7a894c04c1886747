import Link from "next/link";
import type { PolicyChecks } from "@/lib/trends/policy-checks";

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

function Check({
  id,
  title,
  figure,
  children,
}: {
  id: string;
  title: string;
  figure: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded border border-gray-200 p-3">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <p className="text-2xl font-semibold tabular-nums">{figure}</p>
      {children}
    </section>
  );
}

/** The anonymous-source policy as figures, each with the cases to look at. */
export function PolicyChecksView({ policy }: { policy: PolicyChecks }) {
  const { anonymousWithoutReason: missing, singleSource: single, identityUnknown: unknown } = policy;
  const articleList = (items: { id: string; title: string; date: Date | string; detail: string }[]) =>
    items.length ? (
      <ul className="mt-2 max-h-60 space-y-1 overflow-auto text-sm print:max-h-none">
        {items.map((a) => (
          <li key={a.id}>
            <Link href={`/articles/${a.id}`} className="underline" dir="auto">
              {a.title}
            </Link>{" "}
            <span className="text-muted">
              {day(a.date)} · {a.detail}
            </span>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-sm text-muted">None.</p>
    );
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Check
        id="policy-reason"
        title="Articles with an anonymous source and no stated reason"
        figure={String(missing.articles)}
      >
        {articleList(
          missing.items.map((a) => ({
            ...a,
            detail: `${a.sources} source${a.sources === 1 ? "" : "s"} without a reason`,
          })),
        )}
      </Check>
      <Check id="policy-single" title="Articles resting on a single source" figure={String(single.articles)}>
        {articleList(
          single.items.map((a) => ({
            ...a,
            detail: `${a.claims} claim${a.claims === 1 ? "" : "s"}, all on ${a.source}`,
          })),
        )}
      </Check>
      <Check
        id="policy-identity"
        title="Anonymous sources whose identity no editor knows"
        figure={String(unknown.sources)}
      >
        <p className="text-sm text-muted">
          {unknown.notRecorded} more anonymous source{unknown.notRecorded === 1 ? " has" : "s have"} no record either
          way.
        </p>
        {unknown.items.length > 0 && (
          <ul className="mt-2 max-h-60 space-y-1 overflow-auto text-sm print:max-h-none">
            {unknown.items.map((s) => (
              <li key={s.id}>
                <span dir="auto">{s.name}</span>{" "}
                <span className="text-muted">
                  · {s.claims} claim{s.claims === 1 ? "" : "s"} in {s.articles} article{s.articles === 1 ? "" : "s"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Check>
    </div>
  );
}
