"use client";

import { useEffect, useRef } from "react";

const NOT_TEXT_INPUTS = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color", "file", "image"]);

/** True for elements where a key press is typing: text inputs, text areas, selects, editable content. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !NOT_TEXT_INPUTS.has((target as HTMLInputElement).type);
}

/**
 * How far the workspace's shortcuts reach for a key press on `target`: "none" while typing or in a
 * dialog; "all" on the page itself or in the article text; "printable" on other controls (a
 * button, a tab, a radio), where Enter, Space, arrows and Escape belong to the control and letters
 * are still shortcuts.
 */
export function shortcutScope(target: EventTarget | null, text: HTMLElement | null): "none" | "printable" | "all" {
  if (isTextField(target)) return "none";
  if (!(target instanceof HTMLElement) || target === document.body || target === document.documentElement) return "all";
  if (target.closest("dialog")) return "none";
  if (text?.contains(target)) return "all";
  return "printable";
}

/** Whether an element's text runs right to left (its own `dir`, or `dir="auto"` resolved by the browser). */
export function isRightToLeft(element: Element | null | undefined): boolean {
  if (!element) return false;
  try {
    return element.matches(":dir(rtl)");
  } catch {
    return getComputedStyle(element).direction === "rtl";
  }
}

/** One keydown listener on the window for the page's lifetime, always calling the latest handler. */
export function useGlobalKeys(handler: (event: KeyboardEvent) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}

/**
 * Puts focus back on the text whenever it has fallen to the page (the focused control was removed:
 * a combobox closed by its own choice, a suggestion accepted, a panel swapped), checked after
 * every render, so shortcuts keep working and screen readers keep their place.
 */
export function useFocusRescue(rescue: () => void, enabled: boolean) {
  const latest = useRef({ rescue, enabled });
  latest.current = { rescue, enabled };
  // Never while a mouse button is down: moving focus mid-drag would cancel the editor's selection.
  const pointerDown = useRef(false);
  const check = useRef(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || active === document.documentElement;
    if (latest.current.enabled && lost && !pointerDown.current) latest.current.rescue();
  });
  useEffect(() => check.current());
  useEffect(() => {
    // A control removed by a child's own state change (no render here) also drops focus to the page.
    const onFocusOut = () => setTimeout(check.current, 0);
    const onDown = () => {
      pointerDown.current = true;
    };
    const onUp = () => {
      pointerDown.current = false;
    };
    document.addEventListener("focusout", onFocusOut);
    document.addEventListener("pointerdown", onDown, true);
    document.addEventListener("pointerup", onUp, true);
    return () => {
      document.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("pointerdown", onDown, true);
      document.removeEventListener("pointerup", onUp, true);
    };
  }, []);
}
