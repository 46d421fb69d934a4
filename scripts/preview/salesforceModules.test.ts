import type { Plugin, PluginContext } from 'rollup';
import { salesforceModules } from './salesforceModules.ts';

const plugin = salesforceModules({
  labels: new Map([
    ['Timeline_Title', 'Activity'],
    ['Quote', 'It\'s "here"']
  ]),
  locale: 'en-US',
  timeZone: 'America/Los_Angeles',
  apexStubs: { '@salesforce/apex/ActivityTimelineController.getTimeline': '/stubs/getTimeline.js' }
});

// Just enough of rollup's plugin context: this.error throws, as rollup's does.
const context = {
  error(message: string): never {
    throw new Error(message);
  }
} as unknown as PluginContext;

type Hook = (this: PluginContext, ...args: unknown[]) => unknown;
const resolve = (source: string, importer?: string) => (plugin.resolveId as Hook).call(context, source, importer, {});
const load = (id: string) => (plugin.load as Hook).call(context, id);

async function moduleValue(source: string): Promise<unknown> {
  const id = resolve(source) as string;
  const code = load(id) as string;
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default;
}

describe("salesforceModules (the preview build's stand-ins for platform modules)", () => {
  it('resolves a custom label to its real value', async () => {
    expect(await moduleValue('@salesforce/label/c.Timeline_Title')).toBe('Activity');
    expect(await moduleValue('@salesforce/label/c.Quote')).toBe('It\'s "here"');
  });

  it('fails the build on a label the labels file lacks, naming it and its importer', () => {
    expect(() => resolve('@salesforce/label/c.Missing_Label', `${process.cwd()}/force-app/x/x.js`)).toThrow(
      'Custom label c.Missing_Label is not defined in the labels file (imported by force-app/x/x.js)'
    );
  });

  it("resolves the user's locale and time zone", async () => {
    expect(await moduleValue('@salesforce/i18n/locale')).toBe('en-US');
    expect(await moduleValue('@salesforce/i18n/timeZone')).toBe('America/Los_Angeles');
  });

  it('points an Apex method at its stub, and fails on an Apex method without one', () => {
    expect(resolve('@salesforce/apex/ActivityTimelineController.getTimeline')).toBe('/stubs/getTimeline.js');
    expect(() => resolve('@salesforce/apex/Other.method')).toThrow('No preview stub for @salesforce/apex/Other.method');
  });

  it('leaves every other module to the next plugin', () => {
    expect(resolve('lightning/card')).toBeNull();
    expect(resolve('@salesforce/i18n/dateTime.shortDateFormat')).toBeNull();
    expect(load('/some/file.js')).toBeNull();
  });

  it('is a rollup plugin with a name', () => {
    expect((plugin as Plugin).name).toBe('switchboard-salesforce-modules');
  });
});
