import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createKafka, KafkaPublisher } from '@mcm/kafka';
import { CommonEnv } from '@mcm/shared';

export const KAFKA_CLIENT_ID = Symbol('KAFKA_CLIENT_ID');

class PublisherLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(KafkaPublisher) private readonly publisher: KafkaPublisher) {}
  onModuleInit(): Promise<void> {
    return this.publisher.connect();
  }
  onApplicationShutdown(): Promise<void> {
    return this.publisher.disconnect();
  }
}

/** Provides a connected KafkaPublisher (acks=all) to the app that imports it. */
@Global()
@Module({})
export class KafkaPublisherModule {
  static forRoot(clientId: string) {
    return {
      module: KafkaPublisherModule,
      providers: [
        {
          provide: KafkaPublisher,
          inject: [ConfigService],
          useFactory: (config: ConfigService<CommonEnv, true>) =>
            new KafkaPublisher(createKafka({ clientId, brokers: config.get('KAFKA_BROKERS', { infer: true }).split(',') })),
        },
        PublisherLifecycle,
      ],
      exports: [KafkaPublisher],
    };
  }
}
