"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError, describeError } from "@/lib/client/api";
import { getArticle } from "@/lib/client/articles";
import type { WorkspaceArticle } from "@/lib/workspace/types";
import { useToast } from "./toasts";

/**
 * What to do when a change is refused because someone else changed the record first: given the
 * fresh article, either a retry on top of it (with its own "done" message) or the error to show.
 */
export interface SaveOptions<T> {
  onConflict?: (fresh: WorkspaceArticle) => { retry: () => Promise<T>; done?: string } | { error: string };
}

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
    async <T>(change: () => Promise<T>, done?: string, options: SaveOptions<T> = {}): Promise<T | null> => {
      setSaving((n) => n + 1);
      try {
        let attempt = change;
        let message = done;
        // A conflict the caller can resolve is retried on the fresh version, a few times at most.
        for (let tries = 0; ; tries++) {
          try {
            const result = await attempt();
            await refresh();
            if (message) toast({ message, tone: "info" });
            return result;
          } catch (error) {
            const conflict = error instanceof ApiError && error.status === 409;
            if (!conflict || !options.onConflict || tries >= 3) throw error;
            const resolution = options.onConflict(await refresh());
            if ("error" in resolution) {
              toast({ message: resolution.error, tone: "error", ms: 12000 });
              return null;
            }
            attempt = resolution.retry;
            message = resolution.done ?? message;
          }
        }
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
