import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium that `npm test` drives, in the order a machine most likely has one: an explicit
 * `PW_CHROMIUM_PATH`; a system Chromium or Chrome; Playwright's own browser if
 * `npx playwright install chromium` was ever run; else the Chromium that `npm install` brought inside
 * `@sparticuz/chromium` (unpacked into the temp folder on first use, ~2 s). No step downloads anything.
 */
export interface ChosenBrowser {
  executablePath: string;
  origin: "PW_CHROMIUM_PATH" | "system" | "playwright" | "@sparticuz/chromium";
}

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export async function findChromium(): Promise<ChosenBrowser> {
  const explicit = process.env.PW_CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`PW_CHROMIUM_PATH=${explicit} does not exist`);
    return { executablePath: explicit, origin: "PW_CHROMIUM_PATH" };
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, origin: "system" };
  const own = chromium.executablePath();
  if (own && existsSync(own)) return { executablePath: own, origin: "playwright" };
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return { executablePath: await sparticuz.executablePath(), origin: "@sparticuz/chromium" };
}
