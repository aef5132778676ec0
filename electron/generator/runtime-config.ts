// runtime-config: rkt's RuntimePod as compact JSON, keys in rkt's order (SaveRuntime).
import type { RuntimePod } from '../../shared/runtime.js';
import { goJsonString as q } from './gojson.js';

export function runtimeConfigJson(r: RuntimePod): string {
  const io = r.InsecureOptions;
  return (
    `{"MetadataServiceURL":${q(r.MetadataServiceURL)},"PrivateUsers":${q(r.PrivateUsers)},"MDSToken":${q(r.MDSToken)},` +
    `"Hostname":${q(r.Hostname)},"Debug":${r.Debug},"Mutable":${r.Mutable},"ResolvConfMode":${q(r.ResolvConfMode)},` +
    `"EtcHostsMode":${q(r.EtcHostsMode)},"NetList":{},"Interactive":${r.Interactive},` +
    `"InsecureOptions":{"DisablePaths":${io.DisablePaths},"DisableCapabilities":${io.DisableCapabilities},` +
    `"DisableSeccomp":${io.DisableSeccomp}},"IPCMode":${q(r.IPCMode)}}`
  );
}
