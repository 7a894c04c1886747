import type { Page } from "@playwright/test";

/** Presses a key n times (word-by-word narrowing and picking are deliberate, one key per word). */
export async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Focuses statement `index` of the article text, as Tab + j/k would. */
export async function focusStatement(page: Page, index: number) {
  await page.locator(`[data-statement="${index}"]`).focus();
}

/** Types a new source into a source combobox, chooses "Create new source" and fills its form. */
export async function createSource(page: Page, combobox: string, name: string, fields: Record<string, string> = {}) {
  const box = page.getByRole("combobox", { name: combobox });
  await box.fill(name);
  await page
    .getByRole("listbox", { name: combobox })
    .getByRole("option", { name: `Create new source “${name}”…` })
    .click();
  const form = page.getByRole("form", { name: "New source" });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "Create source" }).click();
}

/** Clicks the word at a body offset, through the mouse (the way editors mark cues and mentions). */
export async function clickOffset(page: Page, offset: number, { shift = false } = {}) {
  const point = await page.evaluate((target) => {
    const runs = [...document.querySelectorAll<HTMLElement>("[data-start]")];
    const run = runs.find(
      (r) => Number(r.dataset.start) <= target && target < Number(r.dataset.start) + (r.textContent ?? "").length,
    )!;
    const range = document.createRange();
    const text = run.firstChild!;
    const at = target - Number(run.dataset.start);
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    window.scrollBy(0, range.getBoundingClientRect().top - window.innerHeight / 2);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, offset);
  if (shift) await page.keyboard.down("Shift");
  await page.mouse.click(point.x, point.y);
  if (shift) await page.keyboard.up("Shift");
}
