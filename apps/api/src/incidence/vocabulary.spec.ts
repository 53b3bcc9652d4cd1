import { Controller, Get, Module, Query } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { INDICATOR_COLUMNS } from '@mcm/bulletin';
import { CARE_MISSING_LABEL as BREAKDOWN_CARE_LABEL, ETHNICITY_GROUPS as INCIDENCE_ETHNICITY_GROUPS, RISK_ORDER } from '@mcm/incidence';
import { SETTING_HEADER, SETTING_LABEL as BULLETIN_SETTING_LABEL, SETTINGS as BULLETIN_SETTINGS } from '@mcm/bulletin/labels';
import {
  AGE_BANDS,
  AgencyEventSchema,
  CARE_MISSING_FILTER_VALUES,
  CARE_MISSING_LABEL,
  CARE_MISSING_TYPES,
  ETHNICITY_CODES,
  ETHNICITY_GROUPS,
  MEASURES,
  RISK_CATEGORIES,
  RISK_GRADES,
  SETTING_LABEL,
  SETTINGS,
  SETTINGS_WITH_ALL,
  SEXES,
} from '@mcm/shared';
import { openApiDocument } from '../openapi';
import { IncidenceQuery } from './incidence-query.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';

/** A controller that only declares the API's two filter DTOs, so their OpenAPI is built without a database. */
@Controller()
class FiltersOnly {
  @Get('incidence') incidence(@Query() _query: IncidenceQuery): void {}
  @Get('weekly') weekly(@Query() _query: WeeklyIncidenceQuery): void {}
}
@Module({ controllers: [FiltersOnly] })
class FiltersOnlyModule {}

/** The literals of a contract property (a TypeBox union of literals, as in the committed JSON Schema). */
function contractEnum(schema: unknown): string[] {
  const json = JSON.parse(JSON.stringify(schema)) as { anyOf: { const: string }[] };
  return json.anyOf.map((l) => l.const);
}

describe('one vocabulary: every output takes its categories from libs/shared/src/vocabulary', () => {
  const sorted = (values: readonly string[]) => [...values].sort();

  it("the event contract's JSON Schema enums are the vocabulary's", () => {
    const props = AgencyEventSchema.properties;
    expect(contractEnum(props.setting)).toEqual([...SETTINGS]);
    expect(contractEnum(props.riskGrade)).toEqual([...RISK_GRADES]);
    expect(contractEnum(props.careMissingType)).toEqual([...CARE_MISSING_TYPES]);
    expect(contractEnum(props.child.properties.sex)).toEqual([...SEXES]);
    expect(contractEnum(props.child.properties.ethnicity)).toEqual([...ETHNICITY_CODES]);
    expect(contractEnum(props.correction.properties.riskGrade)).toEqual([...RISK_GRADES]);
    expect(contractEnum(props.correction.properties.careMissingType)).toEqual([...CARE_MISSING_TYPES]);
  });

  it("the API's OpenAPI enums are the vocabulary's", async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FiltersOnlyModule] }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    await app.init();
    try {
      const document = openApiDocument(app);
      const enumOf = (path: string, name: string) => {
        const parameter = (document.paths[path].get!.parameters ?? []).find((p) => 'name' in p && p.name === name) as {
          schema: { enum?: string[]; items?: { enum?: string[] } };
        };
        return parameter.schema.items?.enum ?? parameter.schema.enum;
      };
      expect(enumOf('/incidence', 'setting')).toEqual([...SETTINGS]);
      expect(enumOf('/incidence', 'ageBand')).toEqual([...AGE_BANDS]);
      expect(enumOf('/incidence', 'sex')).toEqual([...SEXES]);
      expect(enumOf('/incidence', 'ethnicityGroup')).toEqual([...ETHNICITY_GROUPS]);
      expect(sorted(enumOf('/incidence', 'riskGrade')!)).toEqual(sorted(RISK_CATEGORIES));
      expect(enumOf('/incidence', 'careMissingType')).toEqual([...CARE_MISSING_FILTER_VALUES]);
      expect(enumOf('/weekly', 'setting')).toEqual([...SETTINGS_WITH_ALL]);
    } finally {
      await app.close();
    }
  });

  it("the bulletin's settings, labels and CSV headers and the statistics' categories are the vocabulary's", () => {
    expect(BULLETIN_SETTINGS).toEqual([...SETTINGS_WITH_ALL]);
    for (const setting of SETTINGS) {
      expect(BULLETIN_SETTING_LABEL[setting]).toBe(SETTING_LABEL[setting]);
      expect(SETTING_HEADER[setting]).toBe(SETTING_LABEL[setting]);
    }
    const csvIndicators = INDICATOR_COLUMNS.map((c) => c.col_name);
    for (const m of Object.values(MEASURES)) if (m.csv) expect(csvIndicators).toContain(m.csv);
    expect(INCIDENCE_ETHNICITY_GROUPS).toBe(ETHNICITY_GROUPS);
    expect(RISK_ORDER).toEqual([...RISK_CATEGORIES]);
    expect(BREAKDOWN_CARE_LABEL).toBe(CARE_MISSING_LABEL);
  });
});
