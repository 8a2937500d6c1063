import { fillTemplate, type Locale, type Message, type ParamValue, type Placeholders } from '../format';
import { accountErrors } from './accounts';
import { auditErrors } from './audit';
import { backupErrors } from './backups';
import { buildingErrors } from './buildings';
import { callErrors } from './calls';
import { screeningErrors } from './screening';
import { importErrors } from './imports';
import { sessionErrors } from './sessions';
import { reportErrors } from './report';
import { requestErrors } from './requests';
import { wallErrors } from './wall';
import { bundleErrors } from './bundles';
import { staffingErrors } from './staffing';
import { territoryErrors } from './territory';
import { volunteerServiceErrors } from './volunteer-service';
import { volunteerErrors } from './volunteers';
import { territoryEditErrors } from './territory-edit';
import { basemapErrors } from './basemap';

/** Every error message, by id: zh-CN and en, with the same `{name}` placeholders. */
export const errorMessages = {
  ...callErrors,
  ...accountErrors,
  ...backupErrors,
  ...buildingErrors,
  ...screeningErrors,
  ...importErrors,
  ...auditErrors,
  ...sessionErrors,
  ...reportErrors,
  ...requestErrors,
  ...wallErrors,
  ...bundleErrors,
  ...staffingErrors,
  ...territoryErrors,
  ...volunteerServiceErrors,
  ...volunteerErrors,
  ...territoryEditErrors,
  ...basemapErrors,
} as const satisfies Record<string, Message>;

export type ErrorKey = keyof typeof errorMessages;

/** The parameters an error message takes, from its placeholders. */
export type ErrorParams<K extends ErrorKey> = { readonly [P in Placeholders<(typeof errorMessages)[K]['zh-CN']>]: ParamValue };

/** A message id with its parameters: `['building.idNotFound', { id }]`. */
export type ErrorRef = { [K in ErrorKey]: [key: K, params: ErrorParams<K>] }[ErrorKey];

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, key);
}

/** An error message in one language. */
export function formatError(key: ErrorKey, params: Readonly<Record<string, ParamValue>>, locale: Locale): string {
  return fillTemplate(errorMessages[key][locale], params, locale);
}

/** A refusal as sent (Chinese `message`, with the catalog id and parameters when there are) in one language. */
export function errorText(error: { message: string; key?: string; params?: Readonly<Record<string, ParamValue>> }, locale: Locale): string {
  return isErrorKey(error.key) ? formatError(error.key, error.params ?? {}, locale) : error.message;
}
