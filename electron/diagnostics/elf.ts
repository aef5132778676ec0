// Just enough of the ELF format and of "#!" scripts to know what the kernel needs besides the
// file itself when it executes a program: the ELF interpreter (PT_INTERP, the dynamic loader)
// or the script interpreter named on the first line.

export const PT_INTERP = 3;

export const ELF_MACHINES: Record<number, string> = {
  3: 'x86 (i386)',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 's390',
  40: 'ARM',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
};

export interface ElfInfo {
  bits: 32 | 64;
  littleEndian: boolean;
  /** e_type: 2 executable, 3 shared object / position-independent executable. */
  type: number;
  machine: number;
  machineName: string;
  /** PT_INTERP contents without the trailing NUL; null for static binaries. */
  interpreter: string | null;
}

export type ElfParse = { ok: true; elf: ElfInfo } | { ok: false; error: string };

export function isElf(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x7f && buf[1] === 0x45 && buf[2] === 0x4c && buf[3] === 0x46;
}

/** Reads the header and program headers; needs the file's bytes up to the end of PT_INTERP. */
export function parseElf(bytes: Uint8Array): ElfParse {
  if (!isElf(bytes)) return { ok: false, error: 'not an ELF file' };
  if (bytes.length < 52) return { ok: false, error: 'truncated ELF header' };
  const cls = bytes[4];
  const data = bytes[5];
  if (cls !== 1 && cls !== 2) return { ok: false, error: `unknown ELF class ${cls}` };
  if (data !== 1 && data !== 2) return { ok: false, error: `unknown ELF data encoding ${data}` };
  const bits = cls === 1 ? 32 : 64;
  const le = data === 1;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const addr = (o: number) => (bits === 32 ? u32(o) : Number(dv.getBigUint64(o, le)));
  if (bits === 64 && bytes.length < 64) return { ok: false, error: 'truncated ELF header' };

  const type = u16(16);
  const machine = u16(18);
  const phoff = addr(bits === 32 ? 28 : 32);
  const phentsize = u16(bits === 32 ? 42 : 54);
  const phnum = u16(bits === 32 ? 44 : 56);
  let interpreter: string | null = null;
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (ph + (bits === 32 ? 32 : 56) > bytes.length) return { ok: false, error: 'truncated program header table' };
    if (u32(ph) !== PT_INTERP) continue;
    const off = addr(bits === 32 ? ph + 4 : ph + 8);
    const size = addr(bits === 32 ? ph + 16 : ph + 32);
    if (off + size > bytes.length || size === 0) return { ok: false, error: 'PT_INTERP points outside the file' };
    let end = off + size;
    while (end > off && bytes[end - 1] === 0) end--;
    interpreter = Buffer.from(bytes.subarray(off, end)).toString('latin1');
    break;
  }
  return {
    ok: true,
    elf: { bits, littleEndian: le, type, machine, machineName: ELF_MACHINES[machine] ?? `machine ${machine}`, interpreter },
  };
}

export interface Shebang {
  interpreter: string;
  /** Linux passes everything after the interpreter as one argument. */
  argument: string | null;
}

/** Linux reads at most this many bytes of a "#!" line (since 5.1; 128 before). */
export const SHEBANG_MAX = 256;

export function parseShebang(bytes: Uint8Array): Shebang | null {
  if (bytes.length < 2 || bytes[0] !== 0x23 || bytes[1] !== 0x21) return null;
  let line = Buffer.from(bytes.subarray(2, SHEBANG_MAX)).toString('latin1');
  const nl = line.indexOf('\n');
  if (nl >= 0) line = line.slice(0, nl);
  line = line.replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
  if (line === '') return null;
  const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(line)!;
  return { interpreter: m[1], argument: m[2] ?? null };
}

/** An architecture named by Go/rkt, `uname -m` or Node (process.arch), as an ELF machine number. */
export function machineForArch(arch: string): number | null {
  const table: Record<string, number> = {
    amd64: 62, x86_64: 62, x64: 62, '386': 3, i386: 3, i686: 3, ia32: 3, arm: 40, armv7l: 40, arm64: 183, aarch64: 183,
    ppc64le: 21, ppc64: 21, ppc64el: 21, s390x: 22, riscv64: 243,
  };
  return table[arch] ?? null;
}
