"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";

interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
  ms: number;
}
type PushToast = (toast: Omit<Toast, "id" | "ms"> & { ms?: number }) => void;

const ToastContext = createContext<PushToast>(() => {});
export const useToast = () => useContext(ToastContext);

/** At most this many messages at once: older ones give way instead of stacking up the screen. */
const MAX_TOASTS = 2;

/** Short-lived messages (saved, conflicts, undo); errors are announced assertively. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback<PushToast>((toast) => {
    const id = nextId.current++;
    setToasts((all) => [...all.slice(1 - MAX_TOASTS), { ...toast, id, ms: toast.ms ?? (toast.action ? 8000 : 4000) }]);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      {/* Bottom left, over the margin of the text: never over the side panel's fields (source, via,
          note). On a phone, at the top, where the keyboard and the panel's fields are not. */}
      <div className="pointer-events-none fixed inset-x-2 top-2 z-50 flex flex-col gap-2 lg:inset-x-auto lg:top-auto lg:bottom-4 lg:left-4 lg:w-full lg:max-w-sm">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, toast.ms);
    return () => clearTimeout(timer);
  }, [toast.ms, onDone]);
  return (
    <div
      role={toast.tone === "error" ? "alert" : "status"}
      // Clicks go through the message to the words under it; only its buttons take them.
      className={`pointer-events-none flex items-center gap-3 rounded px-4 py-2 text-sm shadow-lg ${toast.tone === "error" ? "bg-red-700 text-white" : "bg-gray-900 text-white"}`}
    >
      <span className="flex-1">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="pointer-events-auto rounded border border-white/60 px-2 py-0.5 font-medium"
          onClick={() => {
            toast.action!.run();
            onDone();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        className="pointer-events-auto opacity-70 hover:opacity-100"
        onClick={onDone}
      >
        ×
      </button>
    </div>
  );
}
