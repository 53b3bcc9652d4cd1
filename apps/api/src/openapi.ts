import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Missing Children Monitor: national API')
    .setDescription(
      'Weekly incidence of children going missing from home, from care and during school (EDUCATION: absent from school without ' +
        'explanation during the school day, not "children missing education") in England, deduplicated across police, ' +
        'local authorities and schools. Every route but /health and /docs needs a bearer token; analysts receive figures ' +
        'with disclosure control applied below national level (counts 1-4 shown as "c").',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'A token from your identity provider (locally: npm run token -- --role analyst --sub <name>)',
    })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}
