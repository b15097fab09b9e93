import { z } from 'zod';

/** A highlight colour and what it means to this analyst ("claim", "evidence"…): renamable. */
export const PaletteEntry = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  label: z.string().trim().min(1).max(40),
  /** CSS colour, #rrggbb. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type PaletteEntry = z.infer<typeof PaletteEntry>;

export const Palette = z.array(PaletteEntry).min(1).max(12);
export type Palette = z.infer<typeof Palette>;

export const DEFAULT_PALETTE: Palette = [
  { key: 'yellow', label: 'Claim', color: '#f2c230' },
  { key: 'green', label: 'Evidence', color: '#3fae5a' },
  { key: 'blue', label: 'Question', color: '#4a8fe7' },
  { key: 'red', label: 'Key date', color: '#e5484d' },
  { key: 'purple', label: 'Follow up', color: '#9b6ef3' },
];
