import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { refuseUnapplied } from "@/lib/concurrency";
import { AppError, notFound } from "@/lib/errors";
import type { Source } from "@/lib/generated/prisma/client";
import { presentSource } from "@/lib/present";
import type { CreateSourceInput, UpdateSourceInput } from "./schema";
import { sourceUniqueKey } from "./source-key";

async function assertNameFree(key: string | null, exceptId?: string) {
  if (!key) return;
  const existing = await db().source.findUnique({ where: { uniqueKey: key }, select: { id: true, name: true } });
  if (existing && existing.id !== exceptId) {
    throw new AppError("conflict", `A source of this type named "${existing.name}" already exists (id ${existing.id}); use it instead`);
  }
}

export async function createSource(input: CreateSourceInput, actorId: string) {
  const uniqueKey = sourceUniqueKey(input.type, input.name);
  await assertNameFree(uniqueKey);
  const source = await db().$transaction(async (tx) => {
    const created = await tx.source.create({ data: { ...input, uniqueKey } });
    await recordAudit(tx, { actorId, action: "create", entity: "source", entityId: created.id, after: presentSource(created) });
    return created;
  });
  return presentSource(source);
}

/** Optimistic concurrency: the write applies only if nobody changed the source since `version`. */
export async function updateSource(id: string, input: UpdateSourceInput, actorId: string) {
  const { version, ...changes } = input;
  const source = await db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id } });
    if (!before) throw notFound("Source");
    const next = { ...before, ...changes } as Source;
    const uniqueKey = sourceUniqueKey(next.type, next.name);
    await assertNameFree(uniqueKey, id);
    const { count } = await tx.source.updateMany({ where: { id, version }, data: { ...changes, uniqueKey, version: { increment: 1 } } });
    if (count === 0) refuseUnapplied("source", await tx.source.findUnique({ where: { id } }));
    const after = (await tx.source.findUnique({ where: { id } }))!;
    await recordAudit(tx, { actorId, action: "update", entity: "source", entityId: id, before: presentSource(before), after: presentSource(after) });
    return after;
  });
  return presentSource(source);
}
