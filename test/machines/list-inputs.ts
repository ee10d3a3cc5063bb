// The list inputs of the machines, read from their types by the TypeScript checker (no list written
// by hand): for every function src/machines exports, every parameter, and every property of an object
// parameter (nested objects too, three levels deep), the places whose type is a list (or a union with
// a list, such as `requiredPlanes: readonly CapabilityPlane[] | 'all'`). Lists inside list items are
// not followed: an item's own lists are a parameter of the function that takes one item (a report's
// `evidenceRefs` is `reportPlane`'s).
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One list input: `fn`'s argument `arg`, at `path` inside it (empty: the argument itself is a list). */
export interface ListInput {
  readonly fn: string;
  readonly arg: number;
  readonly path: readonly string[];
  /** The folder of src/machines the function is declared in (`lease`, `orphan-events`, ...). */
  readonly folder: string;
  /** The strings the type also allows in the list's place (`'all'` for `requiredPlanes`). */
  readonly strings: readonly string[];
}

const root = join(import.meta.dirname, '..', '..');

/** Every exported function of the machines (name → its folder) and their list inputs, in export order. */
export function machineListInputs(): { functions: string[]; folders: Record<string, string>; inputs: ListInput[] } {
  const entry = join(root, 'src', 'machines', 'index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const isList = (t: ts.Type): boolean => checker.isArrayType(t) || checker.isTupleType(t);
  const functions: string[] = [];
  const folders: Record<string, string> = {};
  const inputs: ListInput[] = [];
  const seen = new Set<string>();
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.valueDeclaration;
    if (!declaration) continue;
    const signatures = checker.getTypeOfSymbolAtLocation(symbol, declaration).getCallSignatures();
    if (!signatures.length) continue;
    const fn = exported.name;
    const folder = relative(join(root, 'src', 'machines'), declaration.getSourceFile().fileName).split(sep)[0]!;
    functions.push(fn);
    folders[fn] = folder;
    const visit = (type: ts.Type, arg: number, path: string[], depth: number): void => {
      const parts = type.isUnion() ? type.types : [type];
      if (parts.some(isList)) {
        const key = `${fn}/${arg}/${path.join('.')}`;
        const strings = parts.flatMap((t) => (t.isStringLiteral() ? [t.value] : []));
        if (!seen.has(key)) inputs.push({ fn, arg, path, folder, strings });
        seen.add(key);
        return;
      }
      if (depth >= 3) return;
      for (const part of parts) {
        if (!(part.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) || part.getCallSignatures().length) continue;
        for (const property of part.getProperties()) visit(checker.getTypeOfSymbolAtLocation(property, declaration), arg, [...path, property.name], depth + 1);
      }
    };
    for (const signature of signatures) {
      // A guarded function's parameters are a rest tuple (`...args: [state, input, now]`): its elements are the arguments.
      const parameters = signature.getParameters().map((p) => checker.getTypeOfSymbolAtLocation(p, declaration));
      const rest = signature.getParameters().length === 1 && ts.isParameter(signature.getParameters()[0]!.valueDeclaration!) && (signature.getParameters()[0]!.valueDeclaration as ts.ParameterDeclaration).dotDotDotToken && checker.isTupleType(parameters[0]!);
      (rest ? checker.getTypeArguments(parameters[0] as ts.TypeReference) : parameters).forEach((type, arg) => visit(type, arg, [], 0));
    }
  }
  return { functions, folders, inputs };
}
