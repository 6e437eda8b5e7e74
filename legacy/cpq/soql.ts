/**
 * The subset of SOQL the CPQ stand-in answers, enough for the adapters' needs and strict about the
 * rest (a query outside the subset is a MALFORMED_QUERY, as Salesforce answers):
 *
 *   SELECT <field, ... | COUNT()> FROM <object>
 *     [WHERE <field> = 'v' | <field> != 'v' | <field> IN ('a', 'b') [AND ...]]
 *     [ORDER BY <field> [ASC|DESC]] [LIMIT n] [OFFSET n]
 */
export interface SoqlCondition {
  field: string;
  operator: '=' | '!=' | 'IN';
  values: string[];
}

export interface SoqlQuery {
  fields: string[] | 'COUNT';
  object: string;
  where: SoqlCondition[];
  orderBy?: { field: string; direction: 'ASC' | 'DESC' };
  limit?: number;
  offset?: number;
}

export class SoqlError extends Error {}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const QUERY_PATTERN = new RegExp(
  `^SELECT\\s+(.+?)\\s+FROM\\s+(${IDENT})` +
    `(?:\\s+WHERE\\s+(.+?))?` +
    `(?:\\s+ORDER\\s+BY\\s+(${IDENT})(?:\\s+(ASC|DESC))?)?` +
    `(?:\\s+LIMIT\\s+(\\d+))?(?:\\s+OFFSET\\s+(\\d+))?\\s*$`,
  'is',
);
const STRING_LITERAL = "'((?:[^'\\\\]|\\\\.)*)'";
const CONDITION_PATTERN = new RegExp(`^(${IDENT})\\s*(=|!=|IN)\\s*(.+)$`, 'is');
const IN_LIST_PATTERN = new RegExp(`^\\(\\s*${STRING_LITERAL}(?:\\s*,\\s*${STRING_LITERAL})*\\s*\\)$`, 's');

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

function parseValues(operator: string, raw: string): string[] {
  const trimmed = raw.trim();
  if (operator.toUpperCase() === 'IN') {
    // Validated whole first: picking the literals out of an unchecked list would drop an unquoted value.
    if (!IN_LIST_PATTERN.test(trimmed))
      throw new SoqlError(`IN expects a parenthesised list of quoted strings, got: ${trimmed}`);
    return [...trimmed.matchAll(new RegExp(STRING_LITERAL, 'g'))].map((m) => unescape(m[1] ?? ''));
  }
  const single = new RegExp(`^${STRING_LITERAL}$`, 's').exec(trimmed);
  if (!single) throw new SoqlError(`expected a quoted string, got: ${trimmed}`);
  return [unescape(single[1] ?? '')];
}

/** Splits on AND outside quotes, so a value containing " AND " is not cut. */
function splitConditions(where: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inString = false;
  for (let i = 0; i < where.length; i += 1) {
    const char = where[i];
    if (char === '\\' && inString) {
      current += where.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (char === "'") inString = !inString;
    if (!inString && /^\s+AND\s+/i.test(where.slice(i))) {
      parts.push(current);
      current = '';
      i += (/^\s+AND\s+/i.exec(where.slice(i))?.[0].length ?? 1) - 1;
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

export function parseSoql(text: string): SoqlQuery {
  const match = QUERY_PATTERN.exec(text.trim());
  if (!match) throw new SoqlError('unsupported query');
  const [, fieldList = '', object = '', where, orderField, direction, limit, offset] = match;
  const fields =
    fieldList.trim().toUpperCase() === 'COUNT()'
      ? 'COUNT'
      : fieldList.split(',').map((field) => field.trim());
  if (fields !== 'COUNT' && fields.some((field) => !new RegExp(`^${IDENT}$`).test(field))) {
    throw new SoqlError(`bad field list: ${fieldList}`);
  }
  const conditions = where
    ? splitConditions(where).map((part) => {
        const condition = CONDITION_PATTERN.exec(part.trim());
        if (!condition) throw new SoqlError(`unsupported condition: ${part.trim()}`);
        const [, field = '', operator = '', raw = ''] = condition;
        return {
          field,
          operator: operator.toUpperCase() as SoqlCondition['operator'],
          values: parseValues(operator, raw),
        };
      })
    : [];
  return {
    fields,
    object,
    where: conditions,
    orderBy: orderField
      ? { field: orderField, direction: (direction?.toUpperCase() as 'ASC' | 'DESC') ?? 'ASC' }
      : undefined,
    limit: limit === undefined ? undefined : Number(limit),
    offset: offset === undefined ? undefined : Number(offset),
  };
}

export function matchesConditions(record: Record<string, unknown>, conditions: SoqlCondition[]): boolean {
  return conditions.every(({ field, operator, values }) => {
    const value = String(record[field] ?? '');
    if (operator === '!=') return value !== values[0];
    return values.includes(value);
  });
}
