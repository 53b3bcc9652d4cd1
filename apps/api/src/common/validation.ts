import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): { message: string; code: string; path: string }[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({ message, code, path }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Query validation: unknown parameters are refused, and each error names its parameter. */
export const queryValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => new BadRequestException({ errors: flatten(errors) }),
});
