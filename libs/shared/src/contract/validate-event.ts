import './formats';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { canonicalNhsNumber, canonicalUpn } from '../identifiers';
import { normaliseName, normalisePostcode } from '../normalise';
import { AgencyEvent, AgencyEventSchema, SCHEMA_VERSION } from './agency-event.v1';
import { checkDomainRules, DomainRuleOptions } from './domain-rules';
import { RejectionCode, RejectionReason } from './rejection';

const compiled = TypeCompiler.Compile(AgencyEventSchema);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024;

export interface ValidationOptions extends DomainRuleOptions {
  maxEventBytes: number;
}

export type ValidationResult = { ok: true; event: AgencyEvent } | { ok: false; reasons: RejectionReason[] };

const reject = (code: RejectionCode, message: string, path = ''): ValidationResult => ({ ok: false, reasons: [{ path, code, message }] });

/**
 * Bytes in, a normalised event or every reason out. Never throws for any input: the caller
 * dead-letters whatever comes back rejected.
 */
export function validateEventBytes(value: Buffer | null, options: ValidationOptions): ValidationResult {
  if (value === null || value.length === 0) return reject('EMPTY', 'the message has no value');
  if (value.length > options.maxEventBytes) return reject('OVERSIZED', `${value.length} bytes exceeds the limit of ${options.maxEventBytes}`);
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return reject('NOT_UTF8', 'the value is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the input, which may be a child's details: say only what failed.
    return reject('NOT_JSON', 'the value is not valid JSON');
  }
  return validateEvent(parsed, options);
}

export function validateEvent(input: unknown, options: DomainRuleOptions): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return reject('NOT_AN_OBJECT', 'the event must be a JSON object');
  const version = (input as Record<string, unknown>).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    // Reasons never repeat a value the agency sent (it may be a child's detail in the wrong place).
    return reject('UNKNOWN_SCHEMA_VERSION', `schemaVersion is missing or not supported (expected ${SCHEMA_VERSION})`, '/schemaVersion');
  }
  if (!compiled.Check(input)) return { ok: false, reasons: schemaReasons(input) };
  const reasons = checkDomainRules(input, options);
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, event: normaliseEvent(input) };
}

/**
 * Schema errors as reasons that never repeat what the agency sent: TypeBox's messages name only
 * the schema's expectations, enum values are not quoted, and the name of an unknown property is
 * kept only when it is one of the contract's own (a misplaced field), otherwise shown as `*`.
 */
function schemaReasons(input: unknown): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const seen = new Set<string>();
  for (const error of compiled.Errors(input)) {
    const code = schemaCode(error.type, error.value);
    const path = code === 'SCHEMA_UNKNOWN_PROPERTY' ? withoutUnknownName(error.path) : error.path;
    const key = `${path}|${code}`;
    // A union reports one error per alternative: keep the first per path.
    if (seen.has(key) || [...seen].some((k) => k.startsWith(`${path}|`) && code === 'SCHEMA_ENUM')) continue;
    seen.add(key);
    const message =
      code === 'SCHEMA_ENUM'
        ? 'not one of the allowed values'
        : path !== error.path
          ? 'Unexpected property (contract v1 has none of that name; the name is not repeated)'
          : error.message;
    reasons.push({ path, code, message });
  }
  return reasons;
}

/** Every property name contract v1 defines, at any depth. */
const CONTRACT_PROPERTY_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const walk = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) return;
    const properties = (schema as { properties?: Record<string, unknown> }).properties;
    if (properties) Object.keys(properties).forEach((name) => names.add(name));
    Object.values(schema).forEach(walk);
  };
  walk(AgencyEventSchema);
  return names;
})();

function withoutUnknownName(path: string): string {
  const cut = path.lastIndexOf('/');
  const name = path
    .slice(cut + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  return CONTRACT_PROPERTY_NAMES.has(name) ? path : `${path.slice(0, cut)}/*`;
}

function schemaCode(type: ValueErrorType, value: unknown): RejectionCode {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'SCHEMA_REQUIRED';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'SCHEMA_UNKNOWN_PROPERTY';
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return value === undefined ? 'SCHEMA_REQUIRED' : 'SCHEMA_ENUM';
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown:
      return 'SCHEMA_FORMAT';
    case ValueErrorType.StringPattern:
      return 'SCHEMA_PATTERN';
    case ValueErrorType.StringMinLength:
    case ValueErrorType.StringMaxLength:
      return 'SCHEMA_LENGTH';
    case ValueErrorType.String:
    case ValueErrorType.Boolean:
    case ValueErrorType.Object:
    case ValueErrorType.Number:
      return value === undefined ? 'SCHEMA_REQUIRED' : 'SCHEMA_TYPE';
    default:
      return 'SCHEMA_INVALID';
  }
}

/** Already in canonical UTC form (what toISOString gives), or converted to it. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const toUtc = (instant: string) => (CANONICAL_UTC.test(instant) ? instant : new Date(instant).toISOString());
const optional = <T, R>(value: T | undefined, f: (v: T) => R): R | undefined => (value === undefined ? undefined : f(value));

/** Canonical forms: names folded, postcode "OUT IN", identifiers compact, every time in UTC. */
export function normaliseEvent(event: AgencyEvent): AgencyEvent {
  const { child, correction } = event;
  return stripUndefined({
    ...event,
    eventId: event.eventId.toLowerCase(),
    occurredAt: toUtc(event.occurredAt),
    reportedAt: toUtc(event.reportedAt),
    missingSince: optional(event.missingSince, toUtc),
    child: stripUndefined({
      ...child,
      nhsNumber: optional(child.nhsNumber, canonicalNhsNumber),
      upn: optional(child.upn, canonicalUpn),
      givenName: optional(child.givenName, normaliseName),
      familyName: optional(child.familyName, normaliseName),
      homePostcode: optional(child.homePostcode, (p) => normalisePostcode(p) ?? p),
    }),
    correction: optional(correction, (c) =>
      stripUndefined({ ...c, missingFrom: optional(c.missingFrom, toUtc), returnedAt: optional(c.returnedAt, toUtc) }),
    ),
  });
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Checks an event that ingest already accepted (read back from the accepted topic, its child
 * opened). The shape is checked again because a topic is an interface, not a promise;
 * time-dependent rules are not.
 */
export function acceptedEventOf(parsed: unknown): AgencyEvent | null {
  return compiled.Check(parsed) ? parsed : null;
}
