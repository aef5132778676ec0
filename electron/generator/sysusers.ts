// generateSysusers: stage1/rootfs/usr/lib/sysusers.d/<app>.service.conf, so stage1's systemd
// knows the app's uid and gids.
import type { LineProvenance, Provenance } from '../../shared/plan.js';
import type { App } from '../appc/types.js';
import { S1, type GenContext } from './pod.js';
import { recordProvenance, shiftFiles } from './unit-writer.js';
import { fieldSource } from './sources.js';

export const SYSUSERS_DIR = `${S1}/usr/lib/sysusers.d`;

export function generateSysusers(ctx: GenContext, appName: string, app: App, uid: number, gid: number, idSources: Provenance[]): void {
  ctx.fs.mkdirAll(SYSUSERS_DIR, 0o755);
  const entries: string[] = [];
  const lines: LineProvenance[] = [];
  app.supplementaryGIDs.forEach((g, i) => {
    lines.push({ line: entries.length * 2 + 1, key: 'g', sources: [fieldSource(app, 'supplementaryGIDs', i)] });
    entries.push(`g gen${g} ${g}\n`);
  });
  lines.push({ line: entries.length * 2 + 1, key: 'g', sources: idSources });
  entries.push(`g gen${gid} ${gid}\n`);
  lines.push({ line: entries.length * 2 + 1, key: 'u', sources: idSources });
  entries.push(`u gen${uid} ${uid} "gen${uid}"\n`);
  const file = `${SYSUSERS_DIR}/${appName}.service.conf`;
  ctx.fs.writeFile(file, entries.join('\n'), 0o640);
  recordProvenance(ctx, file, lines);
  shiftFiles(ctx, [SYSUSERS_DIR, file]);
}
