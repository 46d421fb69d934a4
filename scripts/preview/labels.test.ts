import { parseCustomLabels } from './labels.ts';

const file = (labels: string) =>
  `<?xml version="1.0" encoding="UTF-8" ?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">${labels}</CustomLabels>`;
const label = (name: string, value: string) =>
  `<labels><fullName>${name}</fullName><language>en_US</language><protected>true</protected>` +
  `<shortDescription>${name}</shortDescription><value>${value}</value></labels>`;

describe('parseCustomLabels', () => {
  it('maps each label name to its value, entities decoded and numbers kept as text', () => {
    const labels = parseCustomLabels(
      file(label('Timeline_Title', 'Activity') + label('Q_A', 'Calls &amp; texts') + label('Size', '20'))
    );

    expect([...labels]).toEqual([
      ['Timeline_Title', 'Activity'],
      ['Q_A', 'Calls & texts'],
      ['Size', '20']
    ]);
  });

  it('reads a file with a single label', () => {
    expect(parseCustomLabels(file(label('Only', 'One'))).get('Only')).toBe('One');
  });

  it('reads a file with no labels as empty', () => {
    expect(parseCustomLabels(file('')).size).toBe(0);
  });

  it('names the file and the label when a value is missing', () => {
    expect(() =>
      parseCustomLabels(file('<labels><fullName>Broken</fullName></labels>'), 'labels/CustomLabels.labels-meta.xml')
    ).toThrow('labels/CustomLabels.labels-meta.xml: label Broken has no <value>');
  });

  it('rejects a label without a name, and a file that is not CustomLabels', () => {
    expect(() => parseCustomLabels(file('<labels><value>x</value></labels>'))).toThrow(/label #1 has no <fullName>/);
    expect(() => parseCustomLabels('<CustomObject></CustomObject>', 'x.xml')).toThrow(
      'x.xml has no <CustomLabels> root element'
    );
  });

  it('rejects XML that is not well-formed', () => {
    expect(() => parseCustomLabels(file('<labels><fullName>A</fullName><value>x</labels>'), 'x.xml')).toThrow(
      /^x\.xml is not well-formed XML/
    );
  });
});
