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

/** Creates the grants (creating an existing ACL again is a no-op on the broker). */
export async function applyGrants(admin: Admin, grants: AclGrant[]): Promise<void> {
  if (grants.length > 0) await admin.createAcls({ acl: grants.map(toEntry) });
}

/**
 * Removes every ACL that names the principal, on any resource. With
 * allow.everyone.if.no.acl.found=false the broker then refuses the principal's every request; the
 * authorizer reads ACLs from the metadata log, so this takes effect within the metadata
 * propagation delay (milliseconds on one node), also on connections already open.
 */
export async function removeGrantsOf(admin: Admin, principal: string): Promise<number> {
  const response = await admin.deleteAcls({
    filters: [{
      principal: `User:${principal}`,
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    }],
  });
  return response.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
}

/** The grants of a principal as the broker holds them (for listings and tests). */
export async function grantsOf(admin: Admin, principal: string): Promise<AclGrant[]> {
  const response = await admin.describeAcls({
    principal: `User:${principal}`,
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ALLOW,
  });
  return response.resources.flatMap((r) => r.acls.map((a) => ({
    principal,
    resourceType: AclResourceTypes[r.resourceType] as AclGrant['resourceType'],
    resourceName: r.resourceName,
    patternType: ResourcePatternTypes[r.resourcePatternType] as AclGrant['patternType'],
    operation: AclOperationTypes[a.operation] as AclGrant['operation'],
  })));
}
