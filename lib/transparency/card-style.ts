import { z } from "zod";

/**
 * The embedding site's look, as CSS variables. Inside an iframe the parent's CSS cannot reach the
 * card, so the embed URL carries the values (`/t/<id>/embed?accent=%230b5cad&font=Georgia`); a CMS
 * that inlines the card's HTML instead sets the same `--sd-*` variables in its own stylesheet.
 * Values are restricted to characters that cannot end a declaration or the style element.
 */
const color = z
  .string()
  .max(60)
  .regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]{1,50}\))$/, "Must be a CSS colour");
const font = z
  .string()
  .max(100)
  .regex(/^[\p{L}0-9 ,'"-]{1,100}$/u, "Must be a CSS font-family list");

export const CARD_STYLE_VARIABLES = {
  text: "--sd-text",
  muted: "--sd-muted",
  accent: "--sd-accent",
  background: "--sd-background",
  border: "--sd-border",
  font: "--sd-font",
} as const;

export const cardStyleSchema = z
  .object({
    text: color.optional(),
    muted: color.optional(),
    accent: color.optional(),
    background: color.optional(),
    border: color.optional(),
    font: font.optional(),
  })
  // Not strict: platforms append their own parameters (?fbclid=…) to links people share.
  .strip();
export type CardStyle = z.infer<typeof cardStyleSchema>;

/** `:root{--sd-accent:#c00}` for the values given; empty when none. */
export function styleOverrides(style: CardStyle): string {
  const declarations = Object.entries(style)
    .filter(([, value]) => value)
    .map(([key, value]) => `${CARD_STYLE_VARIABLES[key as keyof CardStyle]}:${value}`);
  return declarations.length ? `:root{${declarations.join(";")}}` : "";
}
