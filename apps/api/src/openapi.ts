import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Missing Children Monitor: national API')
    .setDescription(
      'Weekly incidence of children going missing from home, care and education in England, deduplicated across police, ' +
        'local authorities and schools. Access control and statistical disclosure control are not in place yet (see README).',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config);
}
