// Facts about the pod's stage1: flavor, systemd version, image name and rkt version.
import fs from 'node:fs';
import path from 'node:path';
import type { RootView } from './root-view.js';
import { peekImageManifest } from './manifest-peek.js';

export interface Stage1Facts {
  flavor: string | null;
  /** The raw systemd-version text, trimmed. */
  systemdVersionText: string | null;
  /** rkt's reading: first character dropped, decimal; 0 when not a number. */
  systemdVersion: number | null;
  imageName: string | null;
  /** The stage1 image's version label: the rkt release that built it. */
  rktVersion: string | null;
}

export function parseSystemdVersion(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const rest = t.slice(1);
  return /^\d+$/.test(rest) ? Number(rest) : 0;
}

export function readStage1Facts(podRoot: string, stage1: RootView): Stage1Facts {
  let flavor = stage1.readlink('/flavor');
  if (flavor === null) {
    try {
      flavor = fs.readlinkSync(path.join(podRoot, 'flavor'));
    } catch {
      flavor = null;
    }
  }
  const sv = stage1.readText('/systemd-version');
  let imageName: string | null = null;
  let rktVersion: string | null = null;
  try {
    const m = peekImageManifest(fs.readFileSync(path.join(podRoot, 'stage1', 'manifest'), 'utf8'));
    imageName = m.name;
    rktVersion = m.version;
  } catch {
    // no stage1 manifest: nothing to report
  }
  return {
    flavor,
    systemdVersionText: sv === null ? null : sv.trim(),
    systemdVersion: sv === null ? null : parseSystemdVersion(sv),
    imageName,
    rktVersion,
  };
}
