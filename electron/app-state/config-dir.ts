// Where podunit keeps its small state files. Electron passes app.getPath('userData'); browser
// mode uses the same XDG location so both modes share the recent list.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PODUNIT_CONFIG_DIR) return env.PODUNIT_CONFIG_DIR;
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(xdg, 'podunit');
}
