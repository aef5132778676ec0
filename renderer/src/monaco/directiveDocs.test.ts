import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIRECTIVE_DOCS, ENV_DOCS, SECTION_DOCS, directiveDoc } from './directiveDocs';
import { directiveMarkdown, hoverMarkdown, provenanceMarkdown, REVEAL_COMMAND } from './hoverText';
import { languageForPath } from './systemdLanguage';

// Every directive the generator writes, by section (units.md, and the kvm interface units).
const EMITTED: Record<string, string[]> = {
  Unit: ['Description', 'DefaultDependencies', 'Wants', 'Before', 'After', 'Requires', 'OnFailureJobMode', 'AllowIsolate',
    'StopWhenUnneeded', 'OnFailure', 'Conflicts', 'BindsTo', 'RefuseManualStart', 'RefuseManualStop'],
  Service: ['Type', 'Restart', 'ExecStart', 'ExecStop', 'ExecStartPre', 'ExecStopPost', 'ExecStartPost', 'User', 'Group',
    'CapabilityBoundingSet', 'RemainAfterExit', 'StandardInput', 'StandardOutput', 'StandardError', 'SyslogIdentifier',
    'Sockets', 'TTYPath', 'TimeoutStartSec', 'RootDirectory', 'WorkingDirectory', 'EnvironmentFile', 'Environment',
    'PermissionsStartOnly', 'SupplementaryGroups', 'SystemCallErrorNumber', 'SystemCallFilter', 'NoNewPrivileges',
    'ReadWriteDirectories', 'ReadOnlyDirectories', 'InaccessiblePaths', 'ReadOnlyPaths', 'InaccessibleDirectories',
    'MountAPIVFS', 'MountFlags', 'DevicePolicy', 'DeviceAllow', 'MemoryLimit', 'CPUQuota', 'CPUShares', 'OOMScoreAdjust'],
  Socket: ['BindIPv6Only', 'Service', 'ListenStream', 'ListenDatagram', 'RemoveOnStop', 'FileDescriptorName', 'ListenFIFO'],
  Install: ['RequiredBy'],
};

test('every directive the generator can emit has a short doc naming its section', () => {
  for (const [section, keys] of Object.entries(EMITTED)) {
    assert.ok(SECTION_DOCS[section], `section ${section}`);
    for (const key of keys) {
      const doc = directiveDoc(key);
      assert.ok(doc, `no doc for ${key}`);
      assert.ok(doc.sections.includes(section), `${key} is documented for ${doc.sections}, not ${section}`);
      assert.ok(doc.doc.length > 20 && doc.doc.length < 400, `${key}: doc length ${doc.doc.length}`);
    }
  }
});

test('directives named anywhere in the generator sources (every profile) are documented for their section', () => {
  const root = fileURLToPath(new URL('../../../electron/generator/', import.meta.url));
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/unitOption\(\s*'(Unit|Service|Socket|Install|Mount)',\s*'([A-Za-z]+)'/g)) found.add(`${m[1]}/${m[2]}`);
      }
    }
  };
  try { walk(root); } catch { return; }
  assert.ok(found.size > 40, `only ${found.size} directives found in the generator sources`);
  const missing = [...found].filter((id) => {
    const [section, key] = id.split('/');
    return !directiveDoc(key, section)?.sections.includes(section);
  });
  assert.deepEqual(missing, []);
  void DIRECTIVE_DOCS;
});

test('hover text: directive doc, provenance with a reveal link for manifest sources', () => {
  assert.match(directiveMarkdown({ language: 'systemd', text: 'SystemCallFilter=~reboot', onKey: true })!, /Seccomp filter/);
  assert.match(directiveMarkdown({ language: 'systemd', text: '[Service]', onKey: true })!, /\[Service\]/);
  assert.equal(directiveMarkdown({ language: 'systemd', text: 'NotAThing=1', onKey: true }), null);
  assert.match(directiveMarkdown({ language: 'systemd', text: 'Type=bind', onKey: true, section: 'Mount' })!, /mount\(8\)/);
  assert.match(directiveMarkdown({ language: 'systemd', text: 'Type=notify', onKey: true, section: 'Service' })!, /READY=1/);
  assert.match(directiveMarkdown({ language: 'rkt-env', text: 'AC_APP_NAME=web', onKey: true })!, /app's name/);
  assert.match(directiveMarkdown({ language: 'rkt-env', text: 'FOO=bar', onKey: true })!, /environment/);
  assert.match(directiveMarkdown({ language: 'sysusers', text: 'u gen33 33 "gen33"', onKey: true })!, /sysusers/);
  const prov = provenanceMarkdown({ line: 3, key: 'ExecStart', sources: [
    { kind: 'manifest', doc: { kind: 'image', app: 'web' }, pointer: '/app/exec' },
    { kind: 'runtime', option: 'Interactive' },
  ] })!;
  assert.match(prov, /image manifest of web/);
  assert.ok(prov.includes(`command:${REVEAL_COMMAND}?`));
  const args = decodeURIComponent(prov.slice(prov.indexOf('?') + 1, prov.indexOf(' "')));
  assert.deepEqual(JSON.parse(args), [{ kind: 'image', app: 'web' }, '/app/exec']);
  assert.match(prov, /Runtime option/);
  assert.equal(hoverMarkdown({ language: 'plaintext', text: 'x', onKey: true }, undefined).length, 0);
});

test('env keys rkt writes are documented', () => {
  for (const k of ['PATH', 'SHELL', 'USER', 'LOGNAME', 'HOME', 'AC_APP_NAME', 'AC_METADATA_URL', 'STAGE2_TTY', 'STAGE1_DEBUG', 'KUBERNETES_LOG_PATH']) {
    assert.ok(ENV_DOCS[k], k);
  }
});

test('languages by path', () => {
  const U = 'stage1/rootfs/usr/lib/systemd/system';
  assert.equal(languageForPath(`${U}/web.service`), 'systemd');
  assert.equal(languageForPath(`${U}/web-stdin.socket`), 'systemd');
  assert.equal(languageForPath('stage1/rootfs/rkt/env/web'), 'rkt-env');
  assert.equal(languageForPath('stage1/rootfs/rkt/iottymux/web/env'), 'rkt-env');
  assert.equal(languageForPath('stage1/rootfs/usr/lib/sysusers.d/web.service.conf'), 'sysusers');
  assert.equal(languageForPath('runtime-config'), 'plaintext');
});
