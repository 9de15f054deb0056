// Checks requests and responses against the reference OpenAPI file (test/fixtures, a copy of
// /work/shared/reference/dozor-openapi.tracked-users.json) with ajv, minus the documented
// discrepancies of reference §7.4, each named where it is handled.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

type Schema = Record<string, unknown>;
interface Parameter {
  in: 'query' | 'path';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface MediaType {
  schema: Schema;
  example?: unknown;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: { 'application/json': MediaType } };
  responses: Record<string, { description: string; content?: { 'application/json': MediaType } }>;
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

export async function loadOpenApi(): Promise<OpenApi> {
  const response = await fetch(new URL('../fixtures/dozor-openapi.tracked-users.json', import.meta.url));
  return (await response.json()) as OpenApi;
}

/**
 * Outside the tracked-users OpenAPI file but served by the recorded server (test/fixtures/dozor-server):
 * the dashboard's session route (not checked), and `organizationId` on the project list.
 */
const UNDOCUMENTED_ROUTES = new Set(['/api/auth/session']);
const UNDOCUMENTED_PARAMETERS: Record<string, string[]> = { '/api/projects': ['organizationId'] };

/** Reference §7.4: the server reads these as ONE comma-separated string; OpenAPI renders the parsed array. */
const COMMA_SEPARATED_ARRAYS = new Set(['projectIds', 'statuses']);

/** The error envelope of reference §1.2 (OpenAPI documents error statuses by description only). */
const ERROR_ENVELOPE: Schema = {
  type: 'object',
  properties: {
    error: { type: 'string', minLength: 1 },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'array', items: { type: ['string', 'integer'] } }, message: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
  },
  required: ['error'],
  additionalProperties: false,
};

// Compiling is the slow part of ajv: one instance and one cache for every Contract of the run.
const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new WeakMap<Schema, ValidateFunction>();

export class Contract {
  /** Templates with fewer parameters first, so `/summary` wins over `/{userId}`. */
  private readonly templates: { template: string; pattern: RegExp }[];
  readonly violations: string[] = [];
  /** `METHOD template STATUS` of every exchange seen, for coverage checks. */
  readonly seen = new Set<string>();

  constructor(readonly spec: OpenApi) {
    this.templates = Object.keys(spec.paths)
      .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
      .sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  operation(method: string, pathname: string): { template: string; operation: Operation } | undefined {
    for (const { template, pattern } of this.templates) {
      const operation = this.spec.paths[template]?.[method.toLowerCase()];
      if (pattern.test(pathname) && operation) return { template, operation };
    }
    return undefined;
  }

  validate(schema: Schema, value: unknown): string | null {
    let validator = compiled.get(schema);
    if (!validator) {
      validator = ajv.compile(schema);
      compiled.set(schema, validator);
    }
    return validator(value) ? null : ajv.errorsText(validator.errors);
  }

  /** Problems of a request against its operation; empty when it conforms. */
  checkRequest(method: string, url: URL, body: unknown): string[] {
    const found = this.operation(method, url.pathname);
    if (!found) return [`${method} ${url.pathname}: no such operation`];
    const problems: string[] = [];
    const where = `${method} ${found.template}`;
    const declared = new Map((found.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    for (const name of new Set(url.searchParams.keys())) {
      if (UNDOCUMENTED_PARAMETERS[found.template]?.includes(name)) continue;
      const parameter = declared.get(name);
      if (!parameter) {
        problems.push(`${where}: undeclared query parameter ${name}`);
        continue;
      }
      const raw = url.searchParams.getAll(name);
      if (raw.length !== 1) problems.push(`${where}: ${name} sent ${raw.length} times`);
      const value = COMMA_SEPARATED_ARRAYS.has(name)
        ? raw[0]!.split(',')
        : parameter.schema['type'] === 'integer'
          ? Number(raw[0])
          : raw[0];
      const error = this.validate(parameter.schema, value);
      if (error) problems.push(`${where}: query ${name}=${raw[0]}: ${error}`);
    }
    const bodySchema = found.operation.requestBody?.content['application/json'].schema;
    if (bodySchema) {
      const error = this.validate(bodySchema, body);
      if (error) problems.push(`${where}: body ${JSON.stringify(body)}: ${error}`);
    } else if (body !== undefined) problems.push(`${where}: unexpected body`);
    return problems;
  }

  /** Problems of a response against its operation; empty when it conforms. */
  checkResponse(method: string, url: URL, status: number, text: string): string[] {
    const found = this.operation(method, url.pathname);
    if (!found) return [`${method} ${url.pathname}: no such operation`];
    const where = `${method} ${found.template} → ${status}`;
    this.seen.add(`${method} ${found.template} ${status}`);
    const declared = found.operation.responses[String(status)];
    if (!declared) return [`${where}: undeclared status`];
    const schema = declared.content?.['application/json'].schema;
    if (status === 204) return text === '' ? [] : [`${where}: 204 with a body`];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${where}: body is not JSON`];
    }
    const error = this.validate(schema ?? ERROR_ENVELOPE, body);
    return error ? [`${where}: ${error}`] : [];
  }

  /** A fetch that records every contract violation of the requests it sends and the responses it gets. */
  wrap(inner: typeof fetch): typeof fetch {
    return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (UNDOCUMENTED_ROUTES.has(url.pathname)) return inner(input, init);
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      this.violations.push(...this.checkRequest(method, url, body));
      const response = await inner(input, init);
      this.violations.push(...this.checkResponse(method, url, response.status, await response.clone().text()));
      return response;
    }) as typeof fetch;
  }
}

/**
 * `value` with only what `schema` declares (object properties, recursively): what the memory
 * backend's answer looks like once served over the contract, derived from OpenAPI, not from our code.
 */
export function projectOnto(schema: Schema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const branches = schema['anyOf'] as Schema[] | undefined;
  if (branches) {
    const branch = branches.find((b) => (Array.isArray(value) ? b['type'] === 'array' : b['type'] === 'object'));
    return branch ? projectOnto(branch, value) : value;
  }
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    return items ? value.map((item) => projectOnto(items, item)) : value;
  }
  const properties = schema['properties'] as Record<string, Schema> | undefined;
  if (!properties) return value; // a free-form record (traits)
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(properties))
    if (key in value) out[key] = projectOnto(sub, (value as Record<string, unknown>)[key]);
  return out;
}
