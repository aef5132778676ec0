// Kernel-tunable path protection: paths hidden from or read-only to every app.

export const PROTECT_KERNEL_HIDDEN_PATHS: readonly string[] = [
  '/proc/config.gz', '/proc/kallsyms', '/proc/sched_debug', '/proc/kcore', '/proc/kmem', '/proc/mem',
];

export const PROTECT_KERNEL_HIDDEN_DIRS: readonly string[] = [
  '/sys/firmware/', '/sys/fs/', '/sys/hypervisor/', '/sys/module/', '/sys/power/',
];

export const PROTECT_KERNEL_RO_PATHS: readonly string[] = [
  '/proc/bus/', '/proc/sys/kernel/core_pattern', '/proc/sys/kernel/modprobe', '/proc/sys/vm/panic_on_oom',
  '/proc/sysrq-trigger', '/sys/block/', '/sys/bus/', '/sys/class/', '/sys/dev/', '/sys/devices/', '/sys/kernel/',
];
