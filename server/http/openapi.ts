import { z } from 'zod';
import { dictFromEntries } from '../../shared/dict';
import { errorBodySchema } from './errors';
import { CONSOLE_PATH, ROUTES, type RouteSpec } from './route-table';

// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the hub, made from the route table and
// the zod schemas the handlers validate with, so the document cannot drift from what is served.
// JSON Schema 2020-12 is OpenAPI 3.1's own dialect, which is what z.toJSONSchema writes.

type JsonObject = Record<string, unknown>;

/** Statuses every route may answer, besides its own (route-table.ts `errors`). */
const GENERIC_ERRORS: Readonly<Record<number, string>> = {
  400: 'The request is malformed: the error names the field or parameter.',
  401: 'No valid credential.',
  403: 'Refused: the Origin or Host is not allowed, or the role is not enough.',
  404: 'Nothing here.',
  409: 'Conflicts with the incident’s state (a command), or the demo cannot play.',
  413: 'The body is too large; nothing was read.',
  429: 'Too many requests or failed sign-ins from this sender; Retry-After says when to try again.',
  503: 'The hub cannot store anything right now; nothing was stored. Retry.',
};

const AUTH_ERRORS: Readonly<Record<RouteSpec['auth'], ReadonlyArray<number>>> = {
  none: [],
  user: [401, 429],
  integration: [401, 429],
  scraper: [401, 429],
};

const SECURITY: Readonly<Record<RouteSpec['auth'], ReadonlyArray<JsonObject>>> = {
  none: [],
  user: [{ bearer: [] }],
  // Alertmanager and Grafana send a bearer token; PagerDuty's routing_key is in the body.
  integration: [{ bearer: [] }, {}],
  // In open local mode a direct loopback scrape needs nothing.
  scraper: [{ bearer: [] }, {}],
};

let cached: JsonObject | null = null;

/** The document (built once: the table and schemas do not change while the hub runs). */
export function openApiDocument(): JsonObject {
  cached ??= build();
  return cached;
}

function build(): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = Object.create(null);
  for (const route of ROUTES as ReadonlyArray<RouteSpec>) {
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operation(route);
    paths[route.path] = item;
  }
  paths[CONSOLE_PATH] = {
    get: {
      operationId: 'console',
      tags: ['console'],
      summary: 'The web console; every other GET outside /api/ serves its files.',
      security: [],
      responses: { 200: { description: 'HTML.', content: { 'text/html': {} } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sitroom hub',
      version: 'v1',
      description:
        'The hub’s HTTP API. Consoles also hold a socket.io stream at /socket.io/ (see docs/api.md); it is not described here. Every error has the Error shape.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [
      { name: 'monitoring', description: 'Deliveries from monitoring systems.' },
      { name: 'incidents', description: 'Incidents, their timelines and operator commands.' },
      { name: 'catalog', description: 'Services, teams and impact.' },
      { name: 'console', description: 'What consoles read about the hub and the people.' },
      { name: 'operations', description: 'For the people who run the hub.' },
    ],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A user’s token (users.yaml), an integration’s token (integrations.yaml), or in open local mode this run’s key.',
        },
      },
    },
  };
}

function operation(route: RouteSpec): JsonObject {
  const statuses = new Set([...(route.errors ?? []), ...AUTH_ERRORS[route.auth]]);
  if (route.body || route.query || route.path.includes('{')) statuses.add(400);
  const responses = dictFromEntries<JsonObject>([
    <[string, JsonObject]>[
      String(route.ok.status),
      {
        description: route.ok.description,
        content: { [route.ok.contentType ?? 'application/json']: {} },
      },
    ],
    ...(route.empty
      ? [<[string, JsonObject]>[String(route.empty.status), { description: route.empty.description }]]
      : []),
    ...[...statuses]
      .sort()
      .map((status): [string, JsonObject] => [
        String(status),
        errorResponse(GENERIC_ERRORS[status] ?? 'Refused.'),
      ]),
    <[string, JsonObject]>['default', errorResponse('Any other refusal.')],
  ]);
  return {
    operationId: route.id,
    tags: [route.tag],
    summary: route.summary,
    security: SECURITY[route.auth],
    ...(parameters(route).length > 0 ? { parameters: parameters(route) } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchema(route.body),
                ...(route.example === undefined ? {} : { example: route.example }),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function parameters(route: RouteSpec): JsonObject[] {
  const inPath = [...route.path.matchAll(/\{([a-z]+)\}/g)].map((found) => {
    const name = found[1] as string;
    const values = route.pathEnums?.[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: values ? { type: 'string', enum: values } : { type: 'string' },
    };
  });
  const query = route.query
    ? Object.entries(jsonSchema(route.query).properties as Record<string, JsonObject>).map(
        ([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
          schema,
        }),
      )
    : [];
  return [...inPath, ...query];
}

function errorResponse(description: string): JsonObject {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** A request schema as the sender writes it (before defaults and trims), without its own $schema. */
function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonObject;
  return rest;
}
