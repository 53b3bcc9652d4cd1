import { agencyInputTopic, agencyRejectionsTopic, TopicNames } from '../topics';
import { agencyGroupPrefix, agencyPrincipal, serviceGroup, servicePrincipal } from './principals';

/** One ACL binding, in the broker's own vocabulary (kafkajs enums are applied in acl-admin.ts). */
export interface AclGrant {
  principal: string;
  resourceType: 'TOPIC' | 'GROUP';
  resourceName: string;
  patternType: 'LITERAL' | 'PREFIXED';
  operation: 'READ' | 'WRITE' | 'DESCRIBE';
}

const topic = (principal: string, name: string, operation: AclGrant['operation'], patternType: AclGrant['patternType'] = 'LITERAL'): AclGrant => ({
  principal,
  resourceType: 'TOPIC',
  resourceName: name,
  patternType,
  operation,
});
const group = (principal: string, name: string, patternType: AclGrant['patternType'] = 'LITERAL'): AclGrant => ({
  principal,
  resourceType: 'GROUP',
  resourceName: name,
  patternType,
  operation: 'READ',
});

/**
 * Least privilege for the services of one environment. The broker denies whatever is not granted
 * (allow.everyone.if.no.acl.found=false), so this list is the whole of what each service may do:
 * - ingest reads every agency's input, writes the accepted topic (no one else may) and each
 *   agency's rejections, and consumes as its own group only;
 * - the aggregator reads the accepted topic, writes its dead letters (the internal rejected topic:
 *   events it can never apply, which only operators read) and the bulletins;
 * - the API has no grant at all (its health check asks only for cluster metadata).
 */
export function serviceGrants(topics: TopicNames): AclGrant[] {
  const ingest = servicePrincipal('ingest', topics.prefix);
  const aggregator = servicePrincipal('aggregator', topics.prefix);
  return [
    topic(ingest, topics.agencyInputPrefix, 'READ', 'PREFIXED'),
    topic(ingest, topics.agencyInputPrefix, 'DESCRIBE', 'PREFIXED'),
    topic(ingest, topics.accepted, 'WRITE'),
    topic(ingest, topics.agencyRejectionsPrefix, 'WRITE', 'PREFIXED'),
    group(ingest, serviceGroup('ingest', topics.prefix)),
    topic(aggregator, topics.accepted, 'READ'),
    topic(aggregator, topics.rejected, 'WRITE'),
    topic(aggregator, topics.bulletins, 'WRITE'),
    group(aggregator, serviceGroup('aggregator', topics.prefix)),
  ];
}

/** An agency may write its own input topic and read its own rejections; nothing else. */
export function agencyGrants(agencyCode: string, topics: TopicNames, onboarding = 1): AclGrant[] {
  const principal = agencyPrincipal(agencyCode, topics.prefix, onboarding);
  return [
    topic(principal, agencyInputTopic(agencyCode, topics), 'WRITE'),
    topic(principal, agencyInputTopic(agencyCode, topics), 'DESCRIBE'),
    topic(principal, agencyRejectionsTopic(agencyCode, topics), 'READ'),
    topic(principal, agencyRejectionsTopic(agencyCode, topics), 'DESCRIBE'),
    group(principal, agencyGroupPrefix(agencyCode, topics.prefix, onboarding), 'PREFIXED'),
  ];
}
