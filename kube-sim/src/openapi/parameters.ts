import type { JsonSchema } from './compile.ts';

type ParamType = 'string' | 'boolean' | 'integer';

const DESCRIPTIONS: Readonly<Record<string, readonly [ParamType, string]>> = {
  dryRun: [
    'string',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ],
  fieldManager: [
    'string',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ],
  fieldValidation: [
    'string',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.',
  ],
  force: [
    'boolean',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.',
  ],
  pretty: ['string', "If 'true', then the output is pretty printed."],
  gracePeriodSeconds: ['integer', 'The duration in seconds before the object should be deleted.'],
  orphanDependents: ['boolean', 'Deprecated: please use the PropagationPolicy.'],
  propagationPolicy: [
    'string',
    "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.",
  ],
  allowWatchBookmarks: ['boolean', 'allowWatchBookmarks requests watch events with type "BOOKMARK".'],
  continue: ['string', 'The continue option should be set when retrieving more results from the server.'],
  fieldSelector: [
    'string',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  ],
  labelSelector: [
    'string',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  ],
  limit: ['integer', 'limit is a maximum number of responses to return for a list call.'],
  resourceVersion: [
    'string',
    'resourceVersion sets a constraint on what resource versions a request may be served from.',
  ],
  resourceVersionMatch: [
    'string',
    'resourceVersionMatch determines how resourceVersion is applied to list calls.',
  ],
  sendInitialEvents: [
    'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true` to begin the watch stream with synthetic events.',
  ],
  timeoutSeconds: ['integer', 'Timeout for the list/watch call.'],
  watch: [
    'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.',
  ],
  container: ['string', 'The container for which to stream logs.'],
  follow: ['boolean', 'Follow the log stream of the pod.'],
  previous: ['boolean', 'Return previous terminated container logs.'],
  sinceSeconds: ['integer', 'A relative time in seconds before the current time from which to show logs.'],
  tailLines: ['integer', 'If set, the number of lines from the end of the logs to show.'],
  timestamps: ['boolean', 'If true, add an RFC3339 timestamp at the beginning of every line of log output.'],
  limitBytes: [
    'integer',
    'If set, the number of bytes to read from the server before terminating the log output.',
  ],
};

export function queryParams(...names: string[]): JsonSchema[] {
  return names.map((name) => {
    const [type, description] = DESCRIPTIONS[name] ?? ['string', name];
    return { name, in: 'query', description, schema: { type, uniqueItems: true } };
  });
}

export function pathParam(name: 'name' | 'namespace', what: string): JsonSchema {
  const description =
    name === 'name' ? `name of the ${what}` : 'object name and auth scope, such as for teams and projects';
  return { name, in: 'path', required: true, description, schema: { type: 'string', uniqueItems: true } };
}

export const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'];
export const PATCH_PARAMS = [...WRITE_PARAMS, 'force'];
export const DELETE_PARAMS = ['dryRun', 'gracePeriodSeconds', 'orphanDependents', 'propagationPolicy'];
export const LIST_PARAMS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
];
export const LOG_PARAMS = [
  'container',
  'follow',
  'limitBytes',
  'previous',
  'sinceSeconds',
  'tailLines',
  'timestamps',
];
