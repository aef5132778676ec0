import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfinedWriter } from './write.js';

test('writeFile stores exactly the UTF-8 bytes of a string, and bytes as given', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-write-')));
  try {
    const w = new ConfinedWriter(root);
    const text = 'Description=caf\u00e9 \u{1F600} lone \ud800 end\n' + 'x'.repeat(70_000) + ('[Unit]\n' + 'y'.repeat(30));
    w.writeFile('a.service', text, 0o644);
    assert.deepEqual(fs.readFileSync(path.join(root, 'a.service')), Buffer.from(text, 'utf8'));
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    w.writeFile('b.bin', bytes, 0o600);
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(root, 'b.bin'))), bytes);
    w.writeFile('a.service', 'short\n', 0o644);
    assert.equal(fs.readFileSync(path.join(root, 'a.service'), 'utf8'), 'short\n');
    assert.equal(fs.statSync(path.join(root, 'b.bin')).mode & 0o777, 0o600);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('symlink makes a new link in place and replaces an existing entry through a rename', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-write-')));
  try {
    const w = new ConfinedWriter(root);
    assert.equal(w.symlink('a.link', '../a'), 'symlink:../a');
    assert.equal(fs.readlinkSync(path.join(root, 'a.link')), '../a');
    w.symlink('a.link', '../b');
    assert.equal(fs.readlinkSync(path.join(root, 'a.link')), '../b');
    fs.writeFileSync(path.join(root, 'was-a-file'), 'x');
    w.symlink('was-a-file', 'target');
    assert.equal(fs.readlinkSync(path.join(root, 'was-a-file')), 'target');
    // A link that appeared after this writer listed the directory is replaced too.
    fs.symlinkSync('elsewhere', path.join(root, 'late'));
    w.symlink('late', 'mine');
    assert.equal(fs.readlinkSync(path.join(root, 'late')), 'mine');
    assert.deepEqual(fs.readdirSync(root).sort(), ['a.link', 'late', 'was-a-file']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
