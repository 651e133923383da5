import type { FieldProblem, FieldRule } from '@olievlek/shared';
import { getMetadataStorage, ValidationError } from 'class-validator';

/** class-validator's constraint names, and the rule a person reads for each. */
const RULE_OF_CONSTRAINT: Record<string, FieldRule> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'text',
  maxLength: 'tooLong',
  minLength: 'tooShort',
  min: 'tooSmall',
  max: 'tooLarge',
  isInt: 'wholeNumber',
  isIn: 'oneOf',
  isLocalDate: 'date',
  matches: 'pattern',
  isArray: 'list',
  arrayMaxSize: 'tooMany',
  arrayMinSize: 'tooFew',
  isEmail: 'email',
  isBoolean: 'yesNo',
  whitelistValidation: 'unknownField',
  unitName: 'visibleName',
};

/** Rules whose first argument is the limit a person needs to know ("at most 120 characters"). */
const WITH_LIMIT = new Set<FieldRule>([
  'tooLong',
  'tooShort',
  'tooSmall',
  'tooLarge',
  'tooMany',
  'tooFew',
]);

function limitOf(error: ValidationError, constraint: string): number | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const limit: unknown = metadata?.constraints?.[0];
  return typeof limit === 'number' && Number.isFinite(limit) ? limit : undefined;
}

/** The one rule to tell a person about a field: the first that failed, with its limit. */
export function fieldProblem(error: ValidationError): FieldProblem | null {
  const names = Object.keys(error.constraints ?? {});
  if (names.length === 0) return null;
  // "Required" says more than "must be text" when both fail on an empty field.
  const first = names.find((n) => RULE_OF_CONSTRAINT[n] === 'required') ?? names[0];
  let rule = RULE_OF_CONSTRAINT[first] ?? 'invalid';
  const limit = WITH_LIMIT.has(rule) ? limitOf(error, first) : undefined;
  // "At least 1 character" is what people call required.
  if (rule === 'tooShort' && limit === 1) rule = 'required';
  return rule !== 'required' && limit !== undefined ? { rule, limit } : { rule };
}
