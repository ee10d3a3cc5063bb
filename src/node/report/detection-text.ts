/**
 * How a document's contract was decided, in words for people: the pretty format's file headings,
 * the github format's messages, the skipped entries under --verbose.
 */
import type { ContractName } from '../../validation.js';
import type { Detection } from '../scan/types.js';

/** `CapabilityLedger, by type` or `no contract, by evidence`: short, for one line of many. */
export function decidedShort(contract: ContractName | null, detection: Detection | undefined): string {
  const what = contract ?? 'no contract';
  return detection && detection.by !== 'none' ? `${what}, by ${detection.by}` : what;
}

/** `CapabilityLedger, by type ("type" is "CapabilityLedger")`: with the reason. */
export function decidedLong(contract: ContractName | null, detection: Detection | undefined): string {
  return detection ? `${decidedShort(contract, detection)} (${detection.reason})` : decidedShort(contract, detection);
}
