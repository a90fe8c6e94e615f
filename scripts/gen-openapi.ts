/**
 * Generates the OpenAPI schemas the embedded cluster publishes:
 *  - lib/embedded-cluster/apiserver/openapi/generated/k8s-schemas.ts: every built-in type reachable from the served
 *    kinds, read with the TypeScript compiler API from kubernetes-types' .d.ts files (their JSDoc is the API's
 *    field documentation, so `kubectl explain` reads like a real cluster's);
 *  - .../generated/sidecarset-crd.ts: the SidecarSet CRD, reduced to its versions, schemas and printer columns.
 * Checked-in output, so the cluster needs neither the compiler nor file reads at run time.
 *
 * Run: npx tsx scripts/gen-openapi.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { SERVED_RESOURCES } from '../lib/embedded-cluster/apiserver/discovery/resources';
import type { CrdDefinition, CrdVersion, GroupVersionKindRef, SchemaObject } from '../lib/embedded-cluster/apiserver/openapi/schema-types';
import { PATCH_META } from './gen-openapi-patch-meta';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = join(ROOT, 'node_modules/kubernetes-types');
const OUT_DIR = join(ROOT, 'lib/embedded-cluster/apiserver/openapi/generated');
const CRD_FILE = join(ROOT, 'lib/embedded-cluster/resources/crds/apps.kruise.io_sidecarsets.yaml');

/** kubernetes-types module (path without .d.ts) → the Go package prefix kube-openapi names definitions with. */
function definitionPrefix(typesModule: string): string {
  if (typesModule === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (typesModule === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (typesModule === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  return `io.k8s.api.${typesModule.replace('/', '.')}`;
}

function moduleForGroupVersion(group: string, version: string): string | undefined {
  const dir = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  const typesModule = `${dir}/${version}`;
  return existsSync(join(TYPES_DIR, `${typesModule}.d.ts`)) ? typesModule : undefined;
}

const usedPatchMeta = new Set<string>();

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/** Types kube-openapi publishes with hand-written schemas rather than by walking a struct. */
const SPECIAL: Record<string, SchemaObject> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object' },
};

/** Meta kinds whose kubernetes-types declaration has no literal apiVersion/kind to read the GVK from. */
const EXTRA_GVK: Record<string, GroupVersionKindRef[]> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status': [{ group: '', kind: 'Status', version: 'v1' }],
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions': [{ group: '', kind: 'DeleteOptions', version: 'v1' }],
};

interface Root {
  typesModule: string;
  name: string;
}

function roots(): Root[] {
  const out: Root[] = [];
  for (const r of SERVED_RESOURCES) {
    for (const v of r.versions) {
      const typesModule = moduleForGroupVersion(r.group, v);
      if (!typesModule) continue; // CRD groups come from the CRD file
      out.push({ typesModule, name: r.kind });
      if (r.stored) out.push({ typesModule, name: r.listKind });
    }
    if (r.subresources.includes('scale')) out.push({ typesModule: 'autoscaling/v1', name: 'Scale' });
  }
  for (const name of ['Status', 'DeleteOptions', 'Patch', 'ObjectMeta', 'ListMeta']) out.push({ typesModule: 'meta/v1', name });
  return out;
}

class Generator {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;
  readonly schemas = new Map<string, SchemaObject>();
  private readonly queue: Array<{ decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration; name: string }> = [];

  constructor(modules: string[]) {
    const files = modules.map((m) => join(TYPES_DIR, `${m}.d.ts`));
    this.program = ts.createProgram(files, { strict: true, noEmit: true });
    this.checker = this.program.getTypeChecker();
  }

  addRoot(root: Root): void {
    const sf = this.program.getSourceFile(join(TYPES_DIR, `${root.typesModule}.d.ts`));
    const decl = sf?.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === root.name,
    );
    if (!decl) throw new Error(`no ${root.name} in ${root.typesModule}`);
    this.enqueue(decl);
  }

  run(): void {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      if (this.schemas.has(item.name) && Object.keys(this.schemas.get(item.name) ?? {}).length > 0) continue;
      this.schemas.set(item.name, this.declSchema(item.decl, item.name));
    }
  }

  /** Registers a declaration for generation and returns its definition name. */
  private enqueue(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string {
    const typesModule = relative(TYPES_DIR, decl.getSourceFile().fileName).replace(/\.d\.ts$/, '');
    const name = `${definitionPrefix(typesModule)}.${decl.name.text}`;
    if (!this.schemas.has(name)) {
      this.schemas.set(name, {}); // placeholder so cycles (JSONSchemaProps-like types) terminate
      this.queue.push({ decl, name });
    }
    return name;
  }

  private doc(name: ts.Node): string | undefined {
    const symbol = this.checker.getSymbolAtLocation(name);
    const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim() : '';
    return text.length > 0 ? text : undefined;
  }

  private declSchema(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, name: string): SchemaObject {
    const description = this.doc(decl.name);
    const special = SPECIAL[name];
    if (special) return { description, ...special };
    if (ts.isTypeAliasDeclaration(decl)) return { description, ...this.typeSchema(decl.type) };
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    let apiVersion: string | undefined;
    let kind: string | undefined;
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
      const prop = member.name.text;
      const literal = literalOf(member.type);
      if (prop === 'apiVersion' && literal) apiVersion = literal;
      if (prop === 'kind' && literal) kind = literal;
      const schema = this.typeSchema(member.type);
      const propDoc = this.doc(member.name);
      const patchKey = `${decl.name.text}.${prop}`;
      const patch = PATCH_META[patchKey];
      if (patch) usedPatchMeta.add(patchKey);
      properties[prop] = withMeta(schema, propDoc, patch);
      if (!member.questionToken) required.push(prop);
    }
    const out: SchemaObject = { description, type: 'object', properties };
    if (required.length > 0) out.required = required;
    const gvk = EXTRA_GVK[name] ?? (apiVersion && kind ? [gvkOf(apiVersion, kind)] : undefined);
    if (gvk) out['x-kubernetes-group-version-kind'] = gvk;
    return out;
  }

  private typeSchema(node: ts.TypeNode): SchemaObject {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (ts.isLiteralTypeNode(node)) return { type: 'string' };
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.typeSchema(node.elementType) };
    if (ts.isUnionTypeNode(node)) {
      // kubernetes-types spells IntOrString as `number | string`.
      return { $ref: `#/components/schemas/${INT_OR_STRING}` };
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (!index) return { type: 'object' };
      return { type: 'object', additionalProperties: this.typeSchema(index.type) };
    }
    if (ts.isTypeReferenceNode(node)) {
      const refName = node.typeName.getText();
      const arg = node.typeArguments?.[0];
      if (refName === 'Array' && arg) return { type: 'array', items: this.typeSchema(arg) };
      const decl = this.resolve(node.typeName);
      return { $ref: `#/components/schemas/${this.enqueue(decl)}` };
    }
    throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
  }

  private resolve(name: ts.EntityName): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
    let symbol = this.checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.declarations?.find(
      (d): d is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
        ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
    );
    if (!decl) throw new Error(`cannot resolve ${name.getText()}`);
    return decl;
  }
}

function literalOf(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}

function gvkOf(apiVersion: string, kind: string): GroupVersionKindRef {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', kind, version: apiVersion }
    : { group: apiVersion.slice(0, slash), kind, version: apiVersion.slice(slash + 1) };
}

/** Property schema with its description; a $ref is wrapped in allOf as kube-openapi does for v3 when it has siblings. */
function withMeta(schema: SchemaObject, description: string | undefined, patch: PatchMeta | undefined): SchemaObject {
  const base: SchemaObject = schema.$ref ? { allOf: [{ $ref: schema.$ref }] } : { ...schema };
  const out: SchemaObject = description ? { description, ...base } : base;
  if (patch?.key) out['x-kubernetes-patch-merge-key'] = patch.key;
  if (patch) out['x-kubernetes-patch-strategy'] = patch.strategy;
  return out;
}

export interface PatchMeta {
  strategy: string;
  key?: string;
}

function generateK8s(): Record<string, SchemaObject> {
  const rs = roots();
  const modules = [...new Set([...rs.map((r) => r.typesModule), 'meta/v1'])];
  const gen = new Generator(modules);
  for (const r of rs) gen.addRoot(r);
  gen.run();
  const out: Record<string, SchemaObject> = {
    [INT_OR_STRING]: {
      description:
        'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
      format: 'int-or-string',
    },
  };
  for (const name of [...gen.schemas.keys()].sort()) out[name] = gen.schemas.get(name) ?? {};
  // Entries for fields kubernetes-types 1.30 does not have yet are expected; anything else is a typo.
  const unused = Object.keys(PATCH_META).filter((k) => !usedPatchMeta.has(k));
  if (unused.length > 0) console.warn(`patch metadata for fields not in kubernetes-types: ${unused.join(', ')}`);
  return out;
}

function generateCrd(): CrdDefinition {
  const crd = parseYaml(readFileSync(CRD_FILE, 'utf8')) as CrdYaml;
  const versions: CrdVersion[] = crd.spec.versions.map((v) => ({
    name: v.name,
    served: v.served,
    storage: v.storage,
    schema: v.schema.openAPIV3Schema,
    additionalPrinterColumns: v.additionalPrinterColumns ?? [],
    subresources: { status: v.subresources?.status !== undefined, scale: v.subresources?.scale !== undefined },
  }));
  return {
    group: crd.spec.group,
    kind: crd.spec.names.kind,
    listKind: crd.spec.names.listKind,
    plural: crd.spec.names.plural,
    singular: crd.spec.names.singular,
    scope: crd.spec.scope,
    versions,
  };
}

interface CrdYaml {
  spec: {
    group: string;
    names: { kind: string; listKind: string; plural: string; singular: string };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      schema: { openAPIV3Schema: SchemaObject };
      additionalPrinterColumns?: CrdVersion['additionalPrinterColumns'];
      subresources?: { status?: object; scale?: object };
    }>;
  };
}

function render(header: string, typeImport: string, decl: string, value: unknown): string {
  return `${header}\nimport type { ${typeImport} } from '../schema-types';\n\n${decl} = ${JSON.stringify(value, null, 1)};\n`;
}

const banner = (source: string): string =>
  `// Generated by scripts/gen-openapi.ts from ${source}. Do not edit; run \`npx tsx scripts/gen-openapi.ts\`.`;

/** The generated files' contents keyed by absolute path; pure, so a test can compare them with what is checked in. */
export function generateFiles(): Record<string, string> {
  return {
    [join(OUT_DIR, 'k8s-schemas.ts')]: render(banner('kubernetes-types'), 'SchemaObject',
      'export const K8S_SCHEMAS: Readonly<Record<string, SchemaObject>>', generateK8s()),
    [join(OUT_DIR, 'sidecarset-crd.ts')]: render(banner('lib/embedded-cluster/resources/crds/apps.kruise.io_sidecarsets.yaml'),
      'CrdDefinition', 'export const SIDECARSET_CRD: CrdDefinition', generateCrd()),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, content] of Object.entries(generateFiles())) {
    writeFileSync(file, content);
    console.log(`wrote ${relative(ROOT, file)}`);
  }
}
