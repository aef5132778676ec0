// The main window's size and position between runs, kept on a visible display.
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file.js';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 820, maximized: false };

export interface Rect { x: number; y: number; width: number; height: number }

/**
 * The state to restore: the saved position when the window overlaps some display by a usable
 * amount, else none (the window manager centres it); the size never beyond the largest display.
 */
export function fitToDisplays(state: WindowState, displays: Rect[]): WindowState {
  if (displays.length === 0) return state;
  const visible = state.x !== undefined && state.y !== undefined && displays.some((d) => {
    const w = Math.min(state.x! + state.width, d.x + d.width) - Math.max(state.x!, d.x);
    const h = Math.min(state.y! + state.height, d.y + d.height) - Math.max(state.y!, d.y);
    return w >= 100 && h >= 50;
  });
  const largest = displays.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const size = { width: Math.min(state.width, largest.width), height: Math.min(state.height, largest.height) };
  return visible ? { ...state, ...size } : { ...size, maximized: state.maximized };
}

export function loadWindowState(configDir: string): WindowState {
  return readJsonFile(join(configDir, 'window-state.json'), windowStateSchema, DEFAULT_WINDOW);
}

export function saveWindowState(configDir: string, state: WindowState): void {
  try { writeJsonFile(join(configDir, 'window-state.json'), state); } catch { /* not worth failing a quit over */ }
}
