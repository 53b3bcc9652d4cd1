import { AclEntry, AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ResourcePatternTypes } from 'kafkajs';
import { AclGrant } from './acl-plan';

const toEntry = (g: AclGrant): AclEntry => ({
  principal: `User:${g.principal}`,
  host: '*',
  operation: AclOperationTypes[g.operation],
  permissionType: AclPermissionTypes.ALLOW,
  resourceType: AclResourceTypes[g.resourceType],
  resourceName: g.resourceName,
  resourcePatternType: ResourcePatternTypes[g.patternType],
});

/**
 * Creates the grants (creating an existing ACL again is a no-op on the broker) and waits until the
 * broker's authorizer holds them all: a client that starts right after onboarding must not race
 * the metadata propagation and be refused.
 */
export async function applyGrants(admin: Admin, grants: AclGrant[], timeoutMs = 30_000): Promise<void> {
  if (grants.length === 0) return;
  await admin.createAcls({ acl: grants.map(toEntry) });
  const wanted = grants.map(grantKey);
  for (const deadline = Date.now() + timeoutMs; ;) {
    const held = new Set((await allGrants(admin)).map(grantKey));
    if (wanted.every((k) => held.has(k))) return;
    if (Date.now() > deadline)
      throw new Error(`the broker does not show ${wanted.filter((k) => !held.has(k)).length} of the new grants after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** kafkajs's enums are plain objects at run time (no reverse mapping): name of a wire value. */
const nameOf = (values: object, value: number): string | undefined => Object.entries(values).find(([, v]) => v === value)?.[0];

const grantKey = (g: AclGrant) => [g.principal, g.resourceType, g.resourceName, g.patternType, g.operation].join('\u0000');

async function allGrants(admin: Admin): Promise<AclGrant[]> {
  const response = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ALLOW,
  });
  return response.resources.flatMap((r) =>
    r.acls.map((a) => ({
      principal: a.principal.replace(/^User:/, ''),
      resourceType: nameOf(AclResourceTypes, r.resourceType) as AclGrant['resourceType'],
      resourceName: r.resourceName,
      patternType: nameOf(ResourcePatternTypes, r.resourcePatternType) as AclGrant['patternType'],
      operation: nameOf(AclOperationTypes, a.operation) as AclGrant['operation'],
    })),
  );
}

/**
 * Removes every ACL that names the principal(s), on any resource. With
 * allow.everyone.if.no.acl.found=false the broker then refuses the principal's every request; the
 * authorizer reads ACLs from the metadata log, so this takes effect within the metadata
 * propagation delay (milliseconds on one node), also on connections already open.
 */
export async function removeGrantsOf(admin: Admin, principals: string | string[]): Promise<number> {
  const names = [principals].flat();
  if (names.length === 0) return 0;
  // One request for all of them: re-onboarding hundreds of agencies is one round trip.
  const response = await admin.deleteAcls({
    filters: names.map((principal) => ({
      principal: `User:${principal}`,
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    })),
  });
  return response.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
}

/** The grants of a principal as the broker holds them (for listings and tests). */
export async function grantsOf(admin: Admin, principal: string): Promise<AclGrant[]> {
  return (await allGrants(admin)).filter((g) => g.principal === principal);
}
