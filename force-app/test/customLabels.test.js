// Every string a user reads in our components is a custom label (translatable, and overridable by subscribers):
// these checks fail when a component imports a label the labels file lacks, or a template hard-codes text.
const fs = require('fs');
const path = require('path');

const LWC_DIR = path.join(__dirname, '..', 'main', 'default', 'lwc');
const LABELS_FILE = path.join(__dirname, '..', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');

function componentFiles(extension) {
    return fs
        .readdirSync(LWC_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((dir) =>
            fs
                .readdirSync(path.join(LWC_DIR, dir.name))
                .filter((file) => file.endsWith(extension))
                .map((file) => path.join(LWC_DIR, dir.name, file))
        );
}

function definedLabels() {
    const xml = fs.readFileSync(LABELS_FILE, 'utf8');
    const labels = new Map();
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block);
        const value = /<value>([\s\S]*?)<\/value>/.exec(block);
        labels.set(name && name[1], value ? value[1] : undefined);
    }
    return labels;
}

// Literal text in a template: text between tags, and the user-facing attributes, unless bound with {…}.
const USER_FACING_ATTRIBUTES = ['label', 'title', 'alternative-text', 'placeholder', 'aria-label', 'friendly-message'];

function hardCodedStrings(html) {
    const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
    const texts = [...withoutComments.matchAll(/>([^<]+)</g)]
        .map(([, text]) => text.replace(/\{[^}]*\}/g, '').trim())
        .filter((text) => /\p{L}/u.test(text));
    const attributes = USER_FACING_ATTRIBUTES.flatMap((name) =>
        [...withoutComments.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map(([, value]) => value)
    ).filter((value) => /\p{L}/u.test(value));
    return [...texts, ...attributes];
}

describe('custom labels', () => {
    const labels = definedLabels();

    it('defines every label a component imports', () => {
        const imported = componentFiles('.js').flatMap((file) =>
            [...fs.readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)].map(([, name]) => ({
                file: path.relative(LWC_DIR, file),
                name
            }))
        );

        expect(imported.length).toBeGreaterThan(0);
        expect(imported.filter(({ name }) => !labels.has(name))).toEqual([]);
    });

    it('has values without surrounding whitespace (a wrapped <value> would show its line breaks)', () => {
        const padded = [...labels].filter(([, value]) => value === undefined || value !== value.trim());

        expect(padded).toEqual([]);
    });

    it('leaves no user-facing text hard-coded in a template', () => {
        const offenders = componentFiles('.html')
            .map((file) => ({
                file: path.relative(LWC_DIR, file),
                strings: hardCodedStrings(fs.readFileSync(file, 'utf8'))
            }))
            .filter(({ strings }) => strings.length > 0);

        expect(offenders).toEqual([]);
    });

    it('quotes a real label in every Apex error fixture, as the controller only throws label text', () => {
        const fixtures = fs
            .readdirSync(LWC_DIR, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .flatMap((dir) => {
                const folder = path.join(LWC_DIR, dir.name, '__tests__', 'fixtures');
                return fs.existsSync(folder) ? fs.readdirSync(folder).map((file) => path.join(folder, file)) : [];
            })
            .filter((file) => file.endsWith('.json'))
            .map((file) => ({ file: path.relative(LWC_DIR, file), json: JSON.parse(fs.readFileSync(file, 'utf8')) }))
            .filter(({ json }) => json && json.body && json.body.exceptionType === 'System.AuraHandledException');
        const values = new Set(labels.values());

        expect(fixtures.length).toBeGreaterThan(0);
        expect(fixtures.filter(({ json }) => !values.has(json.body.message)).map(({ file }) => file)).toEqual([]);
    });

    it('recognises hard-coded text, so the check above can fail', () => {
        const html = '<template><p>Hello</p><lightning-button label="Save" title={x}></lightning-button></template>';

        expect(hardCodedStrings(html)).toEqual(['Hello', 'Save']);
    });
});
