import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { passwordProblem } from './password-policy';

function problemFor(args: ValidationArguments): string | null {
  if (typeof args.value !== 'string') return `${args.property} must be a string`;
  const sibling = args.object as { email?: unknown; name?: unknown };
  const problem = passwordProblem(args.value, {
    email: typeof sibling.email === 'string' ? sibling.email : undefined,
    name: typeof sibling.name === 'string' ? sibling.name : undefined,
  });
  return problem && problem.replace(/^password/, args.property);
}

/** Applies the password policy; the sibling `email` and `name` fields count as context. */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => problemFor(args) === null,
        defaultMessage: (args: ValidationArguments) => problemFor(args) ?? '',
      },
    });
}
