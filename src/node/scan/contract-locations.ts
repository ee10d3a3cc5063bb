/**
 * Where the estate keeps documents of a contract, read from the schemas' `x-sourceos-contract`
 * annotation (`.substrate/state/leases/*.json` for leases, `.bridges/signals/*.json` for signals).
 * A file at such a place is that contract, whatever it holds: if it is not a valid lease, it is
 * an invalid one, not a file to skip.
 */
import { contractNames, detectionOf, type ContractName } from '../../validation.js';
import { globSource, longestLiteral } from './glob.js';

export interface LocationMatch {
  contract: ContractName;
  /** The folder that holds the location, e.g. the repository with `.substrate/` in it. */
  root: string;
}

interface Location {
  contract: ContractName;
  pattern: RegExp;
  /** The longest part of the glob without wildcards: a path without it cannot match (a cheap first test). */
  literal: string;
}

const globToRegExp = (glob: string): RegExp =>
  // anchored at a folder boundary and at the end: `<root>/.substrate/state/leases/x.json`
  new RegExp(`(^|/)${globSource(glob)}$`);

let locations: Location[] | undefined;

export function contractLocations(): readonly Location[] {
  locations ??= contractNames.flatMap((contract) => {
    const location = detectionOf(contract)?.location;
    return location ? [{ contract, pattern: globToRegExp(location), literal: longestLiteral(location) }] : [];
  });
  return locations;
}

/** The contract a file's place implies, if any. `file` uses `/` separators. */
export function contractAtLocation(file: string): LocationMatch | undefined {
  const locations = contractLocations();
  for (let i = 0; i < locations.length; i++) {
    const location = locations[i] as (typeof locations)[number];
    if (!file.includes(location.literal)) continue;
    const match = location.pattern.exec(file);
    if (match) return { contract: location.contract, root: file.slice(0, match.index) || '.' };
  }
  return undefined;
}
