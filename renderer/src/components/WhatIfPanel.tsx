/** @jsxRuntime automatic */
// What-if inputs: stage1 flavor and systemd version, runtime options, host cgroup
// controllers. Each change regenerates at once.
import { useState } from 'react';
import { useApp, useController } from '../app/context';
import type { RuntimeOverrides } from '../store/types';

const FLAVORS = ['coreos', 'src', 'host', 'kvm', 'fly'];
const CONTROLLERS = ['memory', 'cpu'];
type InsecureKey = 'DisablePaths' | 'DisableCapabilities' | 'DisableSeccomp';

export function WhatIfPanel() {
  const controller = useController();
  const [open, setOpen] = useState(true);
  const whatIf = useApp((s) => s.whatIf);
  const podFlavor = useApp((s) => s.summary?.flavor ?? null);
  const podVersion = useApp((s) => s.summary?.systemdVersion ?? null);
  const runtime = useApp((s) => s.disk?.runtime ?? null);
  const probed = useApp((s) => s.disk?.host.cgroupControllers);
  const podOpen = useApp((s) => s.podStatus === 'open');
  const stage1Ok = useApp((s) => s.capabilities.stage1Overrides);

  const setRuntime = (patch: RuntimeOverrides) => {
    const next: RuntimeOverrides = { ...whatIf.runtime, ...patch };
    for (const k of Object.keys(patch) as (keyof RuntimeOverrides)[]) if (patch[k] === undefined) delete next[k];
    controller.setWhatIf({ runtime: next });
  };
  const bool = (key: 'Debug' | 'Interactive' | 'Mutable') => whatIf.runtime[key] ?? runtime?.[key] ?? false;
  const insecure = (key: InsecureKey) => whatIf.runtime.InsecureOptions?.[key] ?? runtime?.InsecureOptions[key] ?? false;
  const setInsecure = (key: InsecureKey, value: boolean) =>
    setRuntime({ InsecureOptions: { ...whatIf.runtime.InsecureOptions, [key]: value } });

  const controllers = whatIf.cgroupControllers === undefined ? probed : whatIf.cgroupControllers;
  const toggleController = (name: string, on: boolean) => {
    const base = controllers ?? [];
    controller.setWhatIf({ cgroupControllers: on ? [...new Set([...base, name])] : base.filter((c) => c !== name) });
  };
  const stage1Changed = whatIf.flavor !== null || whatIf.systemdVersion !== null;
  const changed = stage1Changed || Object.keys(whatIf.runtime).length > 0 || whatIf.cgroupControllers !== undefined;
  const stage1Title = stage1Ok ? undefined : 'Overriding the flavor and systemd version needs a newer podunit host';

  return (
    <section className={`whatif ${open ? '' : 'collapsed'}`} aria-label="What-if">
      <div className="pane-header">
        <button className="pane-title as-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="twisty" aria-hidden>{open ? '▾' : '▸'}</span> What if
          {changed && <span className="badge">changed</span>}
        </button>
        {changed && <button className="small" onClick={() => controller.setWhatIf({ flavor: null, systemdVersion: null, runtime: {}, cgroupControllers: undefined })}>Reset</button>}
      </div>
      {open && (
        <fieldset className="whatif-body" disabled={!podOpen}>
          <span className="group-label">stage1</span>
          <div className="whatif-row" title={stage1Title}>
            <select aria-label="Flavor" value={whatIf.flavor ?? ''} disabled={!stage1Ok} onChange={(e) => controller.setWhatIf({ flavor: e.target.value || null })}>
              <option value="">{podFlavor ? `${podFlavor} (pod)` : 'flavor: pod'}</option>
              {FLAVORS.filter((f) => f !== podFlavor).map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
            <input
              aria-label="systemd version"
              placeholder={podVersion ? `${podVersion} (pod)` : 'systemd: pod'}
              value={whatIf.systemdVersion ?? ''}
              disabled={!stage1Ok}
              spellCheck={false}
              title={(whatIf.flavor ?? podFlavor) === 'host' ? 'The host flavor runs the host systemd: its version comes from systemctl --version' : 'Text of stage1/rootfs/systemd-version, such as v233'}
              onChange={(e) => controller.setWhatIf({ systemdVersion: e.target.value.trim() === '' ? null : e.target.value })}
            />
            {stage1Changed && (
              <button className="small" aria-label="Use the pod's flavor and systemd version" title="Use the pod's flavor and systemd version" onClick={() => controller.setWhatIf({ flavor: null, systemdVersion: null })}>pod</button>
            )}
          </div>
          <span className="group-label">runtime</span>
          <div className="check-grid" role="group" aria-label="Runtime options">
            <label className="inline-check"><input type="checkbox" checked={bool('Debug')} onChange={(e) => setRuntime({ Debug: e.target.checked })} /> debug</label>
            <label className="inline-check"><input type="checkbox" checked={bool('Interactive')} onChange={(e) => setRuntime({ Interactive: e.target.checked })} /> interactive</label>
            <label className="inline-check"><input type="checkbox" checked={bool('Mutable')} onChange={(e) => setRuntime({ Mutable: e.target.checked })} /> mutable</label>
          </div>
          <span className="group-label">users</span>
          <input
            aria-label="Private users"
            placeholder={runtime?.PrivateUsers ? `${runtime.PrivateUsers} (pod)` : 'private users shift:count'}
            value={whatIf.runtime.PrivateUsers ?? ''}
            spellCheck={false}
            onChange={(e) => setRuntime({ PrivateUsers: e.target.value === '' ? undefined : e.target.value })}
          />
          <span className="group-label">insecure</span>
          <div className="check-grid" role="group" aria-label="Insecure options">
            <label className="inline-check"><input type="checkbox" checked={insecure('DisablePaths')} onChange={(e) => setInsecure('DisablePaths', e.target.checked)} /> paths</label>
            <label className="inline-check"><input type="checkbox" checked={insecure('DisableCapabilities')} onChange={(e) => setInsecure('DisableCapabilities', e.target.checked)} /> capabilities</label>
            <label className="inline-check"><input type="checkbox" checked={insecure('DisableSeccomp')} onChange={(e) => setInsecure('DisableSeccomp', e.target.checked)} /> seccomp</label>
          </div>
          <span className="group-label">cgroups</span>
          <div className="check-grid" role="group" aria-label="Host cgroup controllers">
            {CONTROLLERS.map((c) => (
              <label key={c} className="inline-check">
                <input type="checkbox" checked={controllers?.includes(c) ?? false} disabled={controllers === null} onChange={(e) => toggleController(c, e.target.checked)} /> {c}
              </label>
            ))}
            <label className="inline-check" title="The controller check itself fails (rkt then reports an error for resource isolators)">
              <input type="checkbox" checked={controllers === null} onChange={(e) => controller.setWhatIf({ cgroupControllers: e.target.checked ? null : probed ?? [] })} /> check fails
            </label>
          </div>
        </fieldset>
      )}
    </section>
  );
}
