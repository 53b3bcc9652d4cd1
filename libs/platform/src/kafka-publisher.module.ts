import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createKafka, KafkaPublisher, kafkaSettingsFromEnv, servicePrincipal } from '@mcm/kafka';
import { Kafka } from 'kafkajs';
import { CommonEnv } from '@mcm/shared';

/** A Kafka client as the service's own principal, from the validated configuration. */
export function serviceKafka(config: ConfigService<CommonEnv, true>, service: 'ingest' | 'aggregator' | 'api', clientId: string): Kafka {
  const get = <K extends keyof CommonEnv>(key: K) => config.get(key, { infer: true }) as CommonEnv[K];
  const env = { KAFKA_BROKERS: get('KAFKA_BROKERS'), KAFKA_PKI_DIR: get('KAFKA_PKI_DIR'), KAFKA_CA_FILE: get('KAFKA_CA_FILE'), KAFKA_CERT_FILE: get('KAFKA_CERT_FILE'), KAFKA_KEY_FILE: get('KAFKA_KEY_FILE') };
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

/** Provides a connected KafkaPublisher (acks=all), as the service's own principal, to the app that imports it. */
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
        PublisherLifecycle,
      ],
      exports: [KafkaPublisher],
    };
  }
}
