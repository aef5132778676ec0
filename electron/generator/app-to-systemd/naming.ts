// What an app's files and units are called: after the app (v0.8.0 on) or after its image ID
// (rkt v0.7.0, which also names the prepare-app@ instance with hand-made escaping).
import type { RuntimeApp } from '../../appc/types.js';
import { unitNamePathEscape } from '../escape.js';
import { S1, UNIT_DIR } from '../pod.js';
import type { Profile } from '../profile.js';

/** appc's ShortHash: "sha512-" and the first 32 hex digits of an image ID. */
export function shortImageID(id: string): string {
  return id.length > 39 ? id.slice(0, 39) : id;
}

export interface AppNames {
  /** What the app's service, env file and image directory are named after. */
  key: string;
  service: string;
  socket: string;
  /** The app's rootfs as stage1 sees it (text in units). */
  rootfs: string;
  /** The app's rootfs relative to the pod root. */
  podRootfs: string;
  /** The env file as stage1 sees it. */
  envFile: string;
  prepareApp: string;
}

export function appNames(p: Profile, ra: RuntimeApp): AppNames {
  const id = ra.image?.id ?? '';
  const key = p.naming === 'image-id' ? shortImageID(id) : ra.name;
  const rootfs = `/opt/stage2/${key}/rootfs`;
  return {
    key,
    service: `${key}.service`,
    socket: `${p.naming === 'image-id' ? id : key}.socket`,
    rootfs,
    podRootfs: `${S1}${rootfs}`,
    envFile: `/rkt/env/${key}`,
    prepareApp: `prepare-app@${prepareAppInstance(p, rootfs)}.service`,
  };
}

function prepareAppInstance(p: Profile, rootfs: string): string {
  switch (p.prepareAppInstance) {
    case 'manual-escape':
      return rootfs.replaceAll('-', '\\x2d').replaceAll('/', '-');
    case 'path-escape':
      return unitNamePathEscape(rootfs);
    case 'path-escape-dash':
      return '-' + unitNamePathEscape(rootfs);
  }
}

export const unitPath = (unit: string): string => `${UNIT_DIR}/${unit}`;
export const serviceWantPath = (unit: string): string => `${UNIT_DIR}/default.target.wants/${unit}`;
export const socketWantPath = (unit: string): string => `${UNIT_DIR}/sockets.target.wants/${unit}`;
