// Step: one definition module a contract, pairing its raw schema with its precompiled validator,
// so that importing one contract pulls in that contract alone (tree-shaking).
import { BANNER_LINES } from '../lib/contract-schemas.mjs';

const camel = (slug) => slug.replace(/-([a-z])/g, (_, ch) => ch.toUpperCase());

export default function definitions({ contracts }) {
  const files = [];
  for (const c of contracts) {
    files.push({
      path: `generated/definitions/${c.slug}.ts`,
      content: [
        ...BANNER_LINES.map((l) => `// ${l}`),
        `import schema from '../../schemas/${c.file}' with { type: 'json' };`,
        `import { validate${c.name} } from '../validators/${c.slug}.js';`,
        `import type { ${c.name} } from '../types/${c.slug}.js';`,
        `import type { ContractDefinition } from '../contract-definition.js';`,
        '',
        `/** The raw schema and precompiled validator of ${c.name}. */`,
        `export const ${camel(c.slug)}Definition: ContractDefinition<'${c.name}', ${c.name}> = {`,
        `  name: '${c.name}',`,
        `  schema,`,
        `  validate: validate${c.name},`,
        '};',
        '',
      ].join('\n'),
    });
  }
  files.push({
    path: 'generated/definitions/index.ts',
    content: [
      ...BANNER_LINES.map((l) => `// ${l}`),
      ...contracts.map((c) => `export { ${camel(c.slug)}Definition } from './${c.slug}.js';`),
      '',
    ].join('\n'),
  });
  files.push({
    path: 'generated/contract-definition.ts',
    content: [
      ...BANNER_LINES.map((l) => `// ${l}`),
      "import type { CompiledValidator } from './validators/compiled-validator.js';",
      '',
      '/** What the generator knows of a contract: its name, its raw schema and its precompiled validator. */',
      'export interface ContractDefinition<Name extends string, _Doc> {',
      '  readonly name: Name;',
      '  readonly schema: Readonly<Record<string, unknown>>;',
      '  readonly validate: CompiledValidator;',
      '}',
      '',
    ].join('\n'),
  });
  return files;
}
