import { topicNames } from '../topics';
import { agencyGrants, serviceGrants } from './acl-plan';
import { agencyPrincipal, onboardingOf } from './principals';

describe('grants', () => {
  const topics = topicNames('t1.');
  const describe_ = (g: { principal: string; operation: string; resourceType: string; resourceName: string; patternType: string }) =>
    `${g.principal} ${g.operation} ${g.resourceType} ${g.resourceName}${g.patternType === 'PREFIXED' ? '*' : ''}`;

  it('let an agency write only its own input and read only its own rejections, as its own groups', () => {
    expect(agencyGrants('E23000001', topics).map(describe_).sort()).toEqual([
      't1.agency.E23000001 DESCRIBE TOPIC t1.missing.events.v1.E23000001',
      't1.agency.E23000001 DESCRIBE TOPIC t1.missing.rejections.v1.E23000001',
      't1.agency.E23000001 READ GROUP t1.agency.E23000001.*',
      't1.agency.E23000001 READ TOPIC t1.missing.rejections.v1.E23000001',
      't1.agency.E23000001 WRITE TOPIC t1.missing.events.v1.E23000001',
    ]);
  });

  it('give nobody but ingest WRITE on the accepted topic, and the API nothing', () => {
    const grants = serviceGrants(topics);
    expect(grants.filter((g) => g.resourceName === topics.accepted && g.operation === 'WRITE').map((g) => g.principal)).toEqual(['t1.mcm-ingest']);
    expect(grants.filter((g) => g.principal.endsWith('mcm-api'))).toEqual([]);
    expect(
      grants
        .filter((g) => g.resourceType === 'GROUP')
        .map(describe_)
        .sort(),
    ).toEqual(['t1.mcm-aggregator READ GROUP t1.mcm-aggregator', 't1.mcm-ingest READ GROUP t1.mcm-ingest']);
  });

  it('give the aggregator exactly: read the accepted topic as its group, write its dead letters (the internal rejected topic) and the bulletins', () => {
    expect(
      serviceGrants(topics)
        .filter((g) => g.principal === 't1.mcm-aggregator')
        .map(describe_)
        .sort(),
    ).toEqual([
      't1.mcm-aggregator READ GROUP t1.mcm-aggregator',
      't1.mcm-aggregator READ TOPIC t1.missing.events.accepted.v1',
      't1.mcm-aggregator WRITE TOPIC t1.missing.bulletins.v1',
      't1.mcm-aggregator WRITE TOPIC t1.missing.events.rejected.v1',
    ]);
    // Its dead letters are its own: no one else writes the rejected topic, and it reads no rejections.
    expect(
      serviceGrants(topics)
        .filter((g) => g.resourceName === topics.rejected)
        .map(describe_),
    ).toEqual(['t1.mcm-aggregator WRITE TOPIC t1.missing.events.rejected.v1']);
  });

  it('stay inside the environment: every resource carries its prefix', () => {
    for (const g of [...serviceGrants(topics), ...agencyGrants('100001', topics)]) expect(g.resourceName.startsWith('t1.')).toBe(true);
  });
});

describe('a re-onboarded agency', () => {
  it('is a new principal, with grants of its own and none for the old one', () => {
    const topics = topicNames('t1.');
    const again = agencyGrants('E23000001', topics, 2);
    expect(new Set(again.map((g) => g.principal))).toEqual(new Set(['t1.agency.E23000001.r2']));
    expect(again.find((g) => g.resourceType === 'GROUP')?.resourceName).toBe('t1.agency.E23000001.r2.');
    expect(onboardingOf('t1.agency.E23000001.r2')).toBe(2);
    expect(onboardingOf(agencyPrincipal('E23000001', 't1.'))).toBe(1);
  });
});
