// Step: contracts-config.schema.json, the JSON Schema of the `.contracts.json` configuration file
// (shipped in the package, at its root, so that editors complete the file). The contract names are
// the schemas' titles, never a list written by hand. It lives outside schemas/ so that it is never
// taken for a contract's schema.
export const CONFIG_SCHEMA_PATH = 'contracts-config.schema.json';
export const NOT_A_CONTRACT = 'none';

export default function configSchema({ contracts }) {
  const names = contracts.map((c) => c.name);
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://schemas.sourceos.dev/contracts/v0/contracts-config.schema.json',
    title: 'validate-contracts configuration (.contracts.json)',
    description:
      'Says which files of a repository are which SourceOS contract, or no contract, overriding what validate-contracts would decide from a file\'s place, its "type" or its shape. validate-contracts finds the nearest .contracts.json in the folder of each path it is given or a folder above.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'The JSON Schema of this file, for editors.', type: 'string' },
      contracts: {
        description:
          'Globs (gitignore style, relative to this file\'s folder: `*` within a folder, `**` across folders, a pattern without `/` matches at any depth, a folder matches everything in it) mapped to the contract their files are, or to "none": not contract documents, never read. When several globs match a file, the last one wins.',
        type: 'object',
        propertyNames: { minLength: 1 },
        additionalProperties: {
          enum: [...names, NOT_A_CONTRACT],
          description: `A contract (${names.join(', ')}) or "${NOT_A_CONTRACT}".`,
        },
      },
    },
    examples: [{ contracts: { 'test/fixtures/**': NOT_A_CONTRACT, 'ops/locks/*.json': 'Lease' } }],
  };
  return [{ path: CONFIG_SCHEMA_PATH, content: `${JSON.stringify(schema, null, 2)}\n` }];
}
