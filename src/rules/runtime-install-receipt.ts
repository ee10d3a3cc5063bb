import { childPointer } from '../json-pointer.js';
import { defineRule, type Rule, type RuleFinding } from './rule.js';
import { orderFindings } from './time-order.js';

/** finishedAt and capturedAt are not before startedAt. */
export const installTimeOrder = defineRule({
  code: 'rule/install-time-order',
  contract: 'RuntimeInstallReceipt',
  severity: 'error',
  statement: 'finishedAt and capturedAt are not before startedAt (equal is allowed).',
  why: 'An install that finished or was reported before it started contradicts itself: its timeline cannot be replayed or audited.',
  check: (doc) => {
    const started = { pointer: '/startedAt', value: doc.startedAt };
    return [
      ...orderFindings(started, { pointer: '/finishedAt', value: doc.finishedAt }),
      ...orderFindings(started, { pointer: '/capturedAt', value: doc.capturedAt }),
    ];
  },
});

/** Warning: an installed runtime with an artifact whose digest was never checked. */
export const installUncheckedArtifact = defineRule({
  code: 'rule/install-installed-unchecked-artifact',
  contract: 'RuntimeInstallReceipt',
  severity: 'warning',
  statement: 'An installed runtime has no artifact whose verificationState is not_checked.',
  why: 'Installed without checking a digest is allowed, but nothing vouches for that artifact; it should be verified or the gap accepted knowingly.',
  check: (doc) => {
    if (doc.installState !== 'installed') return [];
    const findings: RuleFinding[] = [];
    doc.artifacts.forEach((artifact, i) => {
      if (artifact.verificationState !== 'not_checked') return;
      const pointer = childPointer(`/artifacts/${i}`, 'verificationState');
      findings.push({ pointer, message: `${pointer}: artifact ${JSON.stringify(artifact.artifactRef)} of an installed runtime was not checked` });
    });
    return findings;
  },
});

/** The rules of RuntimeInstallReceipt that JSON Schema cannot say (the others are in its schema). */
export const runtimeInstallReceiptRules: readonly Rule<'RuntimeInstallReceipt'>[] = [installTimeOrder, installUncheckedArtifact];
