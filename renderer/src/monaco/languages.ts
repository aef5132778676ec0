// Registers the generated-file languages and everything else Monaco needs, once.
import { monaco } from './monaco';
import { defineThemes } from './themes';
import { registerSchemas } from './schemas';
import { registerUnitHovers } from './unitHover';
import { unitFoldingRanges } from '../model/unitText';
import {
  ENVFILE_LANGUAGE_ID, envfileLanguage, SYSTEMD_LANGUAGE_ID, systemdLanguage, systemdLanguageConfiguration,
  SYSUSERS_LANGUAGE_ID, sysusersLanguage,
} from './systemdLanguage';

let done = false;

export function setupMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  monaco.languages.register({ id: SYSTEMD_LANGUAGE_ID, aliases: ['systemd unit', 'systemd'], extensions: ['.service', '.socket', '.target', '.mount'] });
  monaco.languages.setMonarchTokensProvider(SYSTEMD_LANGUAGE_ID, systemdLanguage);
  monaco.languages.setLanguageConfiguration(SYSTEMD_LANGUAGE_ID, systemdLanguageConfiguration);
  monaco.languages.register({ id: ENVFILE_LANGUAGE_ID, aliases: ['rkt env file'] });
  monaco.languages.setMonarchTokensProvider(ENVFILE_LANGUAGE_ID, envfileLanguage);
  monaco.languages.register({ id: SYSUSERS_LANGUAGE_ID, aliases: ['sysusers.d'] });
  monaco.languages.setMonarchTokensProvider(SYSUSERS_LANGUAGE_ID, sysusersLanguage);
  monaco.languages.setLanguageConfiguration(SYSUSERS_LANGUAGE_ID, { comments: { lineComment: '#' } });
  monaco.languages.registerFoldingRangeProvider(SYSTEMD_LANGUAGE_ID, {
    provideFoldingRanges: (model) => unitFoldingRanges(model.getValue()).map((r) => ({ start: r.start, end: r.end })),
  });
  defineThemes();
  registerSchemas();
  registerUnitHovers();
  return monaco;
}
