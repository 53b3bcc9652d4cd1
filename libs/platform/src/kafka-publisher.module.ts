import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createKafka, Kafka, KafkaPublisher, kafkaSettingsFromEnv, servicePrincipal, TopicNames, topicNames } from '@mcm/kafka';
import { CommonEnv } from '@mcm/shared';

/** The injection token of the environment's topic names (`TopicNames`, from KAFKA_TOPIC_PREFIX). */
export const TOPIC_NAMES = Symbol('TopicNames');

/** A Kafka client as the service's own principal, from the validated configuration. */
export function serviceKafka(config: ConfigService<CommonEnv, true>, service: 'ingest' | 'aggregator' | 'api', clientId: string): Kafka {
  const get = <K extends keyof CommonEnv>(key: K) => config.get(key, { infer: true }) as CommonEnv[K];
  const env = {
    KAFKA_BROKERS: get('KAFKA_BROKERS'),
    KAFKA_PKI_DIR: get('KAFKA_PKI_DIR'),
    KAFKA_CA_FILE: get('KAFKA_CA_FILE'),
    KAFKA_CERT_FILE: get('KAFKA_CERT_FILE'),
    KAFKA_KEY_FILE: get('KAFKA_KEY_FILE'),
  };
  return createKafka(kafkaSettingsFromEnv(clientId, servicePrincipal(service, get('KAFKA_TOPIC_PREFIX')), env));
}

class PublisherLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(KafkaPublisher) private readonly publisher: KafkaPublisher) {}
  onModuleInit(): Promise<void> {
    return this.publisher.connect();
  }
  onApplicationShutdown(): Promise<void> {
    return this.publisher.disconnect();
  }
}

/**
 * Provides a connected KafkaPublisher (acks=all), as the service's own principal, and the
 * environment's topic names (TOPIC_NAMES), to the app that imports it.
 */
@Global()
@Module({})
export class KafkaPublisherModule {
  static forRoot(service: 'ingest' | 'aggregator') {
    return {
      module: KafkaPublisherModule,
      providers: [
        {
          provide: KafkaPublisher,
          inject: [ConfigService],
          useFactory: (config: ConfigService<CommonEnv, true>) => new KafkaPublisher(serviceKafka(config, service, `mcm-${service}`)),
        },
        {
          provide: TOPIC_NAMES,
          inject: [ConfigService],
          useFactory: (config: ConfigService<CommonEnv, true>): TopicNames => topicNames(config.get('KAFKA_TOPIC_PREFIX', { infer: true })),
        },
        PublisherLifecycle,
      ],
      exports: [KafkaPublisher, TOPIC_NAMES],
    };
  }
}
