// Signal: each rule broken in random ways is reported, alone, at the broken fields; file names not
// of the form <YYYYMMDD-HHMMSS>_<kind>_<topic>.json are never checked.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { assertBreaks, copy, someOf, validDocs, NUM_RUNS } from './support/break-rule.js';
import { instantArb, stampArb } from './support/instants.js';
import { enumAt } from './support/schema-arbitrary.js';

type Doc = Record<string, Record<string, unknown>>;

const kinds = enumAt('Signal', '/header/kind');
const stamp = fc.stringMatching(/^\d{8}-\d{6}$/);
const topic = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\\/]/.test(s));
const word = fc.stringMatching(/^[a-z]{1,12}$/).filter((w) => !kinds.includes(w));
const FORM = /^\d{8}-\d{6}_.+_.+\.json$/;

/** True when `<kind>_<topic>` reads back as that kind: no longer known kind also starts it. */
const readsBack = (kind: string, rest: string) => !kinds.some((k) => k.length > kind.length && rest.startsWith(`${k}_`));

/** The document with new file-name parts (and evidence, so that any kind may hand work over). */
const withParts = (doc: Doc, id: string, kind: string, topicText: string): Doc => {
  const evidence = (doc.body?.evidence as string[]).length ? doc.body?.evidence : ['docs/evidence.md'];
  return { ...doc, header: { ...doc.header, id, kind }, body: { ...doc.body, topic: topicText, evidence } };
};

describe('Signal rules', () => {
  test('rule/signal-handoff-has-evidence: a missive or council_call without evidence', () => {
    assertBreaks('rule/signal-handoff-has-evidence', (v) =>
      fc.constantFrom('missive', 'council_call').map((kind) => {
        const doc = copy(v.doc) as Doc;
        return { doc: { ...doc, header: { ...doc.header, kind }, body: { ...doc.body, evidence: [] } }, pointers: ['/body/evidence'] };
      }),
    );
  });

  test('rule/signal-deadline-expects-response: a deadline when no response is expected', () => {
    assertBreaks('rule/signal-deadline-expects-response', (v) =>
      instantArb.chain(stampArb).map((at) => {
        const doc = copy(v.doc) as Doc;
        return { doc: { ...doc, footer: { expects_response: false, response_by: at } }, pointers: ['/footer/response_by'] };
      }),
    );
  });

  test('rule/signal-filename-agrees: a file name whose stamp, kind or topic disagrees', () => {
    assertBreaks('rule/signal-filename-agrees', (v) =>
      fc
        .record({ id: fc.oneof(stamp, fc.uuid()), kind: fc.constantFrom(...kinds), topic, parts: someOf(['id', 'kind', 'topic'] as const), otherStamp: stamp, otherKind: fc.oneof(fc.constantFrom(...kinds), word), otherTopic: topic })
        .map((r) => {
          const nameStamp = r.parts.includes('id') || !/^\d{8}-\d{6}$/.test(r.id) ? r.otherStamp : r.id;
          const nameKind = r.parts.includes('kind') ? r.otherKind : r.kind;
          const nameTopic = r.parts.includes('topic') ? r.otherTopic : r.topic;
          return { r, nameStamp, nameKind, nameTopic };
        })
        .filter(({ r, nameStamp, nameKind, nameTopic }) => readsBack(nameKind, `${nameKind}_${nameTopic}`) && (nameStamp !== r.id || nameKind !== r.kind || nameTopic !== r.topic))
        .map(({ r, nameStamp, nameKind, nameTopic }) => ({
          doc: withParts(copy(v.doc) as Doc, r.id, r.kind, r.topic),
          filename: `${nameStamp}_${nameKind}_${nameTopic}.json`,
          pointers: [...(nameStamp !== r.id ? ['/header/id'] : []), ...(nameKind !== r.kind ? ['/header/kind'] : []), ...(nameTopic !== r.topic ? ['/body/topic'] : [])],
        })),
    );
  });

  test('a file name that agrees, whatever the kind and topic (underscores included), is no issue', () => {
    const cases = fc.tuple(validDocs('Signal'), stamp, fc.constantFrom(...kinds), topic).filter(([, , kind, t]) => readsBack(kind, `${kind}_${t}`));
    fc.assert(
      fc.property(cases, ([v, id, kind, t]) => {
        const result = validate(withParts(copy(v.doc) as Doc, id, kind, t), { contract: 'Signal', filename: `${id}_${kind}_${t}.json` });
        expect(result.issues.filter((i) => i.code === 'rule/signal-filename-agrees')).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a file name not of the form is not checked', () => {
    const other = fc.oneof(fc.string(), fc.tuple(stamp, topic).map(([s, t]) => `${s}_${t.replace(/_/g, '')}.json`), fc.tuple(stamp, fc.constantFrom(...kinds)).map(([s, k]) => `${s}-${k}-x.json`)).filter((n) => !FORM.test(n));
    fc.assert(
      fc.property(validDocs('Signal'), other, (v, filename) => {
        expect(validate(v.doc, { contract: 'Signal', filename }).issues.filter((i) => i.code === 'rule/signal-filename-agrees')).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a name of exactly 255 bytes may cut its topic, and only to the start of body.topic', () => {
    const topicText = `a${'b'.repeat(300)}`;
    const doc = {
      header: { id: '20260130-040219', timestamp: '2026-01-30T04:02:19Z', from: 'scribe', to: 'all', kind: 'proclamation', urgency: 'normal' },
      body: { topic: topicText, claim: 'c', evidence: [], confidence: 'high', asks: [], next_actions: [] },
      footer: { expects_response: false, response_by: '' },
    };
    const name = (topicPart: string) => `20260130-040219_proclamation_${topicPart}.json`;
    const codes = (filename: string) => validate(doc, { contract: 'Signal', filename }).issues.map((i) => i.code);
    const room = 255 - name('').length;
    expect(name(topicText.slice(0, room)).length).toBe(255);
    expect(codes(name(topicText.slice(0, room)))).toEqual([]);
    expect(codes(name(topicText.slice(0, room - 1)))).toEqual(['rule/signal-filename-agrees']);
    expect(codes(name('c'.repeat(room)))).toEqual(['rule/signal-filename-agrees']);
  });
});
