import { signalDefinition } from '../../generated/definitions/signal.js';
import type { SignalHeader } from '../../generated/types/signal.js';
import { defineRule, type Rule, type RuleFinding } from './rule.js';
import { MAX_FILE_NAME_BYTES, baseName, parseSignalFileName } from './signal-file-name.js';
import { schemaEnum } from './schema-values.js';

const kinds = schemaEnum<SignalHeader['kind']>(signalDefinition.schema, '/properties/header/properties/kind/enum');

/** Warning: a deadline on a signal that expects no response. */
export const signalDeadlineExpectsResponse = defineRule({
  code: 'rule/signal-deadline-expects-response',
  contract: 'Signal',
  severity: 'warning',
  statement: 'A signal with expects_response false has an empty response_by.',
  why: 'A deadline for a response nobody is asked for is a contradiction: the receiver cannot tell whether to answer.',
  check: (doc) =>
    !doc.footer.expects_response && doc.footer.response_by !== ''
      ? [{ pointer: '/footer/response_by', message: `expects_response is false but response_by is ${JSON.stringify(doc.footer.response_by)}` }]
      : [],
});

/** A file named `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json` agrees with header.id, header.kind and body.topic. */
export const signalFileNameAgrees = defineRule({
  code: 'rule/signal-filename-agrees',
  contract: 'Signal',
  severity: 'error',
  statement:
    'When the file name has the form <YYYYMMDD-HHMMSS>_<kind>_<topic>.json, its stamp is header.id, its kind header.kind and its topic body.topic, or, in a name of exactly 255 bytes, the start of body.topic (names of another form are not checked).',
  why: 'Tools list and route signals by file name without opening them; a name that disagrees with the content sends the signal to the wrong reader. File systems take names of at most 255 bytes, so a long topic is cut in the name.',
  check: (doc, context) => {
    const name = context.filename ? parseSignalFileName(context.filename, kinds) : null;
    if (!name) return [];
    const findings: RuleFinding[] = [];
    const compare = (pointer: string, actual: string, part: string, expected: string) => {
      if (actual !== expected) findings.push({ pointer, message: `${pointer} is ${JSON.stringify(actual)} but the file name's ${part} is ${JSON.stringify(expected)}` });
    };
    compare('/header/id', doc.header.id, 'stamp', name.stamp);
    compare('/header/kind', doc.header.kind, 'kind', name.kind);
    const cut = new TextEncoder().encode(baseName(context.filename ?? '')).length === MAX_FILE_NAME_BYTES && name.topic !== '' && doc.body.topic.startsWith(name.topic);
    if (!cut) compare('/body/topic', doc.body.topic, 'topic', name.topic);
    return findings;
  },
});

/** The rules of Signal that JSON Schema cannot say (the others are in its schema). */
export const signalRules: readonly Rule<'Signal'>[] = [signalDeadlineExpectsResponse, signalFileNameAgrees];
