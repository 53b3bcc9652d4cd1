import { SchemaOptions, Static, TLiteral, TUnion, Type } from '@sinclair/typebox';
import { CARE_MISSING_TYPES, ETHNICITY_CODES, RISK_GRADES, SETTINGS, SEXES } from '../vocabulary';

/**
 * Event contract v1: the single definition. The TypeScript types (Static), the runtime
 * validator (TypeCompiler, see validate-event.ts) and the committed JSON Schema file
 * (libs/shared/schema/agency-event.v1.json, written by tools/contract) all derive from it.
 * No free-text field exists: every string is a code, an identifier or a name.
 */
export const SCHEMA_VERSION = 1 as const;

export const EVENT_KINDS = ['MISSING_REPORTED', 'RETURNED', 'EPISODE_CORRECTED', 'REPORT_WITHDRAWN'] as const;
export const AGENCY_TYPES = ['POLICE', 'LOCAL_AUTHORITY', 'SCHOOL'] as const;

function literals<T extends string>(values: readonly T[], description: string, options: SchemaOptions = {}) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    { description, ...options },
  ) as unknown as TUnion<TLiteral<T>[]>;
}

const Instant = Type.String({
  format: 'date-time',
  description: 'RFC 3339 timestamp with an offset (Z or +hh:mm); normalised to UTC on ingest',
});
const Reference = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$', description: "The agency's own opaque reference (1-64 characters)" });

export const AgencySchema = Type.Object(
  {
    type: literals(AGENCY_TYPES, 'Kind of agency publishing the event'),
    code: Type.String({
      pattern: '^(E23\\d{6}|W15\\d{6}|E0[689]\\d{6}|E10\\d{6}|\\d{6})$',
      description: 'POLICE: E23/W15 police force area code; LOCAL_AUTHORITY: E06/E08/E09/E10 GSS code; SCHOOL: 6-digit URN',
    }),
  },
  { additionalProperties: false },
);

export const ChildSchema = Type.Object(
  {
    nhsNumber: Type.Optional(Type.String({ pattern: '^\\d{3} ?\\d{3} ?\\d{4}$', description: 'NHS number, Modulus 11 checked' })),
    upn: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9]{13}$|^UN[1-5]$', description: 'Unique pupil number (check letter verified) or an UN1-UN5 unknown code' }),
    ),
    givenName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    familyName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    dateOfBirth: Type.Optional(
      Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'Full (YYYY-MM-DD) or partial (YYYY-MM, YYYY) date of birth' }),
    ),
    sex: Type.Optional(literals(SEXES, 'M, F or U (unknown / not stated)')),
    ethnicity: Type.Optional(literals(ETHNICITY_CODES, 'DfE ethnicity code')),
    homePostcode: Type.Optional(Type.String({ minLength: 5, maxLength: 10, description: 'UK postcode; normalised to "OUT IN" on ingest' })),
    responsibleLaCode: Type.Optional(
      Type.String({ pattern: '^E(06|08|09|10)\\d{6}$', description: "GSS code of the child's responsible local authority" }),
    ),
  },
  { additionalProperties: false },
);

export const CorrectionSchema = Type.Object(
  {
    missingFrom: Type.Optional(Instant),
    returnedAt: Type.Optional(Instant),
    riskGrade: Type.Optional(literals(RISK_GRADES, 'Corrected police risk grade')),
    careMissingType: Type.Optional(literals(CARE_MISSING_TYPES, 'Corrected SSDA903 missing type')),
  },
  { additionalProperties: false, description: 'EPISODE_CORRECTED: corrected facts of the episode; child details are corrected through `child`' },
);

export const AgencyEventSchema = Type.Object(
  {
    eventId: Type.String({ format: 'uuid', description: 'Idempotency key: the same eventId is processed once' }),
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    kind: literals(EVENT_KINDS, 'What happened'),
    setting: literals(SETTINGS, 'Where the child went missing from'),
    careMissingType: Type.Optional(literals(CARE_MISSING_TYPES, 'CARE only (SSDA903): M missing, A away from placement without authorisation')),
    agency: AgencySchema,
    agencyChildRef: Reference,
    agencyEpisodeRef: Reference,
    occurredAt: {
      ...Instant,
      description: 'MISSING_REPORTED: went missing; RETURNED: found/returned; EPISODE_CORRECTED and REPORT_WITHDRAWN: when the agency decided',
    },
    reportedAt: { ...Instant, description: 'When the agency recorded the event' },
    missingSince: Type.Optional({ ...Instant, description: 'RETURNED: start of the episode as the agency knows it' }),
    child: ChildSchema,
    riskGrade: Type.Optional(literals(RISK_GRADES, 'Police risk grade')),
    returnInterviewOffered: Type.Optional(Type.Boolean({ description: 'RETURNED: whether an independent return interview was offered' })),
    correction: Type.Optional(CorrectionSchema),
  },
  { $id: 'https://missing-children-monitor.example/schema/agency-event.v1.json', title: 'AgencyEvent v1', additionalProperties: false },
);

export type AgencyEvent = Static<typeof AgencyEventSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
export type AgencyType = (typeof AGENCY_TYPES)[number];
export type ChildAttributes = Static<typeof ChildSchema>;
