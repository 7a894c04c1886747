"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError, describeError } from "@/lib/client/api";
import { getArticle } from "@/lib/client/articles";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import { useToast } from "./toasts";

/**
 * The article as the server last said it is, and one way to change it: every change is saved at
 * once; on a conflict (someone else changed it) or any failure the person is told and the article
 * is reloaded, so nothing is silently overwritten or silently lost.
 */
export function useWorkspace(initial: WorkspaceArticle) {
  const [article, setArticle] = useState(initial);
  const [saving, setSaving] = useState(0);
  /** Bumped on every reload, so panels that fetch their own data (history) know to refetch. */
  const [revision, setRevision] = useState(0);
  const toast = useToast();
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const fresh = await getArticle(initial.id);
    if (ticket === latest.current) {
      setArticle(fresh);
      setRevision((r) => r + 1);
    }
    return fresh;
  }, [initial.id]);

  const save = useCallback(
    async <T>(change: () => Promise<T>, done?: string): Promise<T | null> => {
      setSaving((n) => n + 1);
      try {
        const result = await change();
        await refresh();
        if (done) toast({ message: done, tone: "info" });
        return result;
      } catch (error) {
        const conflict = error instanceof ApiError && error.status === 409;
        toast({
          message: conflict ? `${describeError(error)}. The panel now shows the latest version.` : describeError(error),
          tone: "error",
          ms: 8000,
        });
        await refresh().catch(() => {});
        return null;
      } finally {
        setSaving((n) => n - 1);
      }
    },
    [refresh, toast],
  );

  const announce = useCallback((message: string) => toast({ message, tone: "info", ms: 6000 }), [toast]);

  return { article, refresh, save, announce, revision, saving: saving > 0 };
}
export type Workspace = ReturnType<typeof useWorkspace>;
