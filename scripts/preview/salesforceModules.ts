// A rollup plugin that stands in for the modules only the Salesforce platform serves:
// - @salesforce/label/c.* → the real value from the labels file (a missing label fails the build, naming it);
// - @salesforce/i18n/locale and timeZone → the preview user's locale and time zone;
// - @salesforce/apex and @salesforce/apex/<Class>.<method> → browser stubs that answer from the scenario's fixtures.
// It must run before @lwc/rollup-plugin, which would otherwise try to resolve these as LWC modules.
import path from 'node:path';
import type { Plugin } from 'rollup';

const VIRTUAL_PREFIX = '\0salesforce:';
const LABEL_PREFIX = '@salesforce/label/c.';

export interface SalesforceModulesOptions {
  labels: Map<string, string>;
  locale: string;
  timeZone: string;
  /** Module id (e.g. "@salesforce/apex/ActivityTimelineController.getTimeline" or "@salesforce/apex") → stub file. */
  apexStubs: Record<string, string>;
}

export function salesforceModules(options: SalesforceModulesOptions): Plugin {
  const i18n: Record<string, string> = {
    '@salesforce/i18n/locale': options.locale,
    '@salesforce/i18n/timeZone': options.timeZone
  };
  return {
    name: 'switchboard-salesforce-modules',
    resolveId(source, importer) {
      if (source.startsWith(LABEL_PREFIX)) {
        const name = source.slice(LABEL_PREFIX.length);
        if (!options.labels.has(name)) {
          const from = importer ? ` (imported by ${path.relative(process.cwd(), importer)})` : '';
          this.error(`Custom label c.${name} is not defined in the labels file${from}`);
        }
        return `${VIRTUAL_PREFIX}${source}`;
      }
      if (source in i18n) {
        return `${VIRTUAL_PREFIX}${source}`;
      }
      const stub = options.apexStubs[source];
      if (stub !== undefined) {
        return stub;
      }
      if (source.startsWith('@salesforce/apex')) {
        this.error(`No preview stub for ${source}: add one to the preview's apexStubs`);
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) {
        return null;
      }
      const source = id.slice(VIRTUAL_PREFIX.length);
      const value = source.startsWith(LABEL_PREFIX)
        ? options.labels.get(source.slice(LABEL_PREFIX.length))
        : i18n[source];
      return `export default ${JSON.stringify(value)};`;
    }
  };
}
