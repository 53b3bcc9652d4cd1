import { existsSync } from 'node:fs';
import {
  agencyGrants,
  agencyInputTopic,
  agencyPrincipal,
  agencyTopicSpecs,
  applyGrants,
  ensureTopics,
  issuedTlsFiles,
  Kafka,
  KafkaEnv,
  KafkaTlsFiles,
  onboardingOf,
  removeGrantsOf,
  TopicNames,
  TopicRetention,
} from '@mcm/kafka';
import { AgencyRecord, AgencyRegisterRepository, Queryable } from '@mcm/persistence';
import { AGENCY_TYPES, AgencyType, checkAgencyCode, hashHttpCredential, newHttpCredential, ReferenceData } from '@mcm/shared';
import { withAdmin } from './environment';
import { discardClientCertificate, issueNamedCertificates } from './pki';

/** What an onboarded agency receives: the one JSON object `agency add --json` prints. */
export interface AgencyCredentials {
  agency: string;
  kafka: {
    brokers: string;
    topic: string;
    ssl: { ca: string; cert: string | null; key: string | null };
    sasl: null;
  };
  http: { url: string; token: string };
}

export interface OnboardingSettings {
  brokers: string[];
  /** The gateway's events endpoint, e.g. http://127.0.0.1:3100/v1/events. */
  eventsUrl: string;
  /** How long the agency's topics keep messages (default: DEFAULT_TOPIC_RETENTION). */
  retention?: TopicRetention;
  /** Where the local CA keeps the agencies' certificates (KAFKA_PKI_DIR of the validated config). */
  pki: KafkaEnv;
}

export class OnboardingError extends Error {}

/**
 * Registers agencies and gives them their ways in, and takes both away again. The agency's
 * Kafka identity (a client certificate whose CN is its principal), its topics and grants, and
 * its HTTP credential are all made here; the register row is written last, so a failure part-way
 * leaves no agency that looks active.
 */
export class AgencyOnboarding {
  private readonly register = new AgencyRegisterRepository();

  constructor(
    private readonly db: Queryable,
    private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    private readonly reference: ReferenceData,
    private readonly settings: OnboardingSettings,
  ) {}

  /**
   * Onboards agencies (one or many: the demo's hundreds share one round of broker requests).
   * An agency already active is refused unless `reissue` (then it gets new credentials, and the
   * old ones stop working: a new HTTP credential, and a new principal for the new certificate).
   */
  async add(agencies: { type: string; code: string }[], { reissue = false } = {}): Promise<AgencyCredentials[]> {
    if (agencies.length === 0) return [];
    const checked = agencies.map((a) => this.check(a));
    const previous = await Promise.all(checked.map((a) => this.register.find(this.db, a.code)));
    const active = previous.find((p) => p?.status === 'ACTIVE');
    if (!reissue && active) {
      throw new OnboardingError(`agency ${active.code} is already registered and active (revoke it first to issue new credentials)`);
    }
    // Each onboarding of an agency is a new principal: whatever an earlier one held (a copy of
    // its key anywhere) has no grant from here on.
    const onboarding = previous.map((p) => (p ? onboardingOf(p.kafkaPrincipal) + 1 : 1));
    const principals = checked.map((a, i) => agencyPrincipal(a.code, this.topics.prefix, onboarding[i]));
    const files = checked.map((a) => agencyPrincipal(a.code, this.topics.prefix));
    const tls = await issueNamedCertificates(
      checked.map((_, i) => ({ name: files[i], principal: principals[i] })),
      this.settings.pki,
    );
    await ensureTopics(
      this.kafka,
      checked.flatMap((a) => agencyTopicSpecs(a.code, this.topics, 1, this.settings.retention)),
    );
    await withAdmin(this.kafka, async (admin) => {
      await removeGrantsOf(
        admin,
        previous.flatMap((p) => (p ? [p.kafkaPrincipal] : [])),
      );
      await applyGrants(
        admin,
        checked.flatMap((a, i) => agencyGrants(a.code, this.topics, onboarding[i])),
      );
    });
    const credentials: AgencyCredentials[] = [];
    for (const [i, agency] of checked.entries()) {
      const token = newHttpCredential();
      await this.register.activate(this.db, { ...agency, kafkaPrincipal: principals[i] }, hashHttpCredential(token));
      credentials.push(this.credentials(agency.code, tls.get(files[i])!, token));
    }
    return credentials;
  }

  /**
   * Takes both ways in away: the register forgets the HTTP credential (the gateway checks it on
   * every request) and the broker loses every grant of the principal (it checks them on every
   * request, on open connections too). The local copy of the agency's key is deleted.
   */
  async revoke(code: string): Promise<{ code: string; grantsRemoved: number }> {
    const agency = await this.register.find(this.db, code);
    if (!agency) throw new OnboardingError(`agency ${code} is not registered`);
    await this.register.revoke(this.db, code);
    const grantsRemoved = await withAdmin(this.kafka, (admin) => removeGrantsOf(admin, agency.kafkaPrincipal));
    discardClientCertificate(agencyPrincipal(code, this.topics.prefix), this.settings.pki);
    return { code, grantsRemoved };
  }

  list(): Promise<AgencyRecord[]> {
    return this.register.list(this.db);
  }

  /**
   * The agencies that can publish now: active in the register, with their certificate here and
   * their topic on the broker. (A register kept across a new broker or a new CA is not enough.)
   */
  async usable(): Promise<Set<string>> {
    const topics = new Set(await withAdmin(this.kafka, (admin) => admin.listTopics()));
    const active = (await this.list()).filter((a) => a.status === 'ACTIVE');
    const usable = (a: AgencyRecord) =>
      topics.has(agencyInputTopic(a.code, this.topics)) &&
      existsSync(issuedTlsFiles(agencyPrincipal(a.code, this.topics.prefix), this.settings.pki).certFile);
    return new Set(active.filter(usable).map((a) => a.code));
  }

  private check({ type, code }: { type: string; code: string }): { type: AgencyType; code: string; name: string } {
    if (!(AGENCY_TYPES as readonly string[]).includes(type)) throw new OnboardingError(`--type must be one of ${AGENCY_TYPES.join(', ')}`);
    const agency = { type: type as AgencyType, code };
    const problems = checkAgencyCode(agency, this.reference);
    if (problems.length > 0) throw new OnboardingError(problems.map((p) => p.message).join('; '));
    const name = this.reference.policeForces.get(code)?.name ?? this.reference.localAuthorities.get(code)?.name ?? `School URN ${code}`;
    return { ...agency, name };
  }

  private credentials(code: string, tls: KafkaTlsFiles, token: string): AgencyCredentials {
    return {
      agency: code,
      kafka: {
        brokers: this.settings.brokers.join(','),
        topic: agencyInputTopic(code, this.topics),
        ssl: { ca: tls.caFile, cert: tls.certFile, key: tls.keyFile },
        sasl: null,
      },
      http: { url: this.settings.eventsUrl, token },
    };
  }
}
