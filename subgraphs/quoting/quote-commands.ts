import {
  businessDay,
  Decimal,
  dealRegistrationStatusOn,
  type Partner,
  type Quote,
  type QuoteCalculation,
  type QuoteLine,
  type QuoteStatus,
} from '../../domain';
import { BadResponseError, isUpstreamConflict } from '../../runtime';
import {
  assertCanWrite,
  canWriteForPartner,
  identifierUserError,
  idempotencyKeyProblem,
  refusalAsUserError,
  reusedKeyUserError,
  scopedIdempotencyKey,
  userError,
  type UserError,
} from '../host';
import { sellerOf } from './catalog';
import type { AddQuoteLineInput, CreateQuoteInput, UpdateQuoteLineInput } from './generated/resolvers-types';
import { productFamily } from './products';
import type { QuotingContext } from './context';

/**
 * The quote session: create -> add, change, remove lines -> price -> submit. Each mutation checks
 * what it can before writing (role, tenancy, status, input, catalog, certification), so the user
 * learns what to fix from typed user errors rather than from a refusal of the CPQ, which never says
 * why (legacy bodies are not passed on). The CPQ reprices the whole quote on every line write and
 * sets its status; `submitQuote` adds the approval step the CPQ leaves to its callers.
 *
 * Every mutation takes an optional idempotency key. Creates send it to the CPQ as the record's
 * external id (an upsert), so a retry finds the record the first attempt made; the other writes set
 * absolute values and are repeatable as they are, so for them the key is only checked.
 */

type Checked<T> = { ok: T } | { userErrors: UserError[] };

const EDITABLE_STATUSES: ReadonlySet<QuoteStatus> = new Set(['DRAFT', 'IN_REVIEW']);
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

function refused(...userErrors: UserError[]) {
  return { userErrors };
}

/** A quote the viewer may change: it exists, is its own partner's, and is DRAFT or IN_REVIEW. */
async function changeableQuote(
  context: QuotingContext,
  quoteId: string,
  field: string,
): Promise<Checked<Quote>> {
  const malformed = identifierUserError('quoteId', quoteId, field);
  if (malformed) return refused(malformed);
  const quote = await context.cpq.quoteById.load(quoteId);
  if (!quote) return refused(userError('NOT_FOUND', `There is no quote ${quoteId}`, field));
  if (!canWriteForPartner(context.viewer, quote.partnerId)) {
    return refused(userError('FORBIDDEN', `Quote ${quoteId} belongs to another partner`, field));
  }
  if (!EDITABLE_STATUSES.has(quote.status)) {
    return refused(
      userError(
        'NOT_EDITABLE',
        `Quote ${quote.number} is ${quote.status}: only DRAFT and IN_REVIEW quotes can change`,
        field,
      ),
    );
  }
  return { ok: quote };
}

async function changeableLine(
  context: QuotingContext,
  lineId: string,
): Promise<Checked<{ line: QuoteLine; quote: Quote }>> {
  const malformed = identifierUserError('quoteLineId', lineId, 'lineId');
  if (malformed) return refused(malformed);
  const line = await context.cpq.quoteLineById.load(lineId);
  if (!line) return refused(userError('NOT_FOUND', `There is no quote line ${lineId}`, 'lineId'));
  const quote = await changeableQuote(context, line.quoteId, 'lineId');
  return 'ok' in quote ? { ok: { line, quote: quote.ok } } : quote;
}

function lineInputErrors(
  { lineQuantity }: QuotingContext,
  input: { quantity?: number | null; additionalDiscount?: string | null },
  idempotencyKey: string | null | undefined,
): UserError[] {
  const errors: UserError[] = [];
  const badKey = idempotencyKeyProblem(idempotencyKey);
  if (badKey) errors.push(badKey);
  const { quantity } = input;
  if (
    quantity !== undefined &&
    quantity !== null &&
    (quantity < lineQuantity.min || quantity > lineQuantity.max)
  ) {
    errors.push(
      userError(
        'BAD_USER_INPUT',
        `The quantity must be from ${lineQuantity.min} to ${lineQuantity.max}, got ${quantity}`,
        'quantity',
      ),
    );
  }
  const discount = input.additionalDiscount;
  if (
    discount !== undefined &&
    discount !== null &&
    (!PERCENT.test(discount) || new Decimal(discount).gt(100))
  ) {
    errors.push(
      userError(
        'BAD_USER_INPUT',
        `The additional discount must be a percent from 0 to 100 with up to 2 places, got "${discount}"`,
        'additionalDiscount',
      ),
    );
  }
  return errors;
}

/** Reads after a write must see it: drops what this request's loaders remember of the quote. */
function forget(context: QuotingContext, quote: Quote, lineId?: string): void {
  context.cpq.quoteById.clear(quote.id);
  context.cpq.linesByQuoteId.clear(quote.id);
  context.cpq.quotesByPartnerId.clear(quote.partnerId);
  if (lineId) context.cpq.quoteLineById.clear(lineId);
}

async function currencyProblem(
  { cpq }: QuotingContext,
  partner: Partner,
  currency: string,
): Promise<UserError | undefined> {
  const book = await cpq.priceBookByRegion.load(partner.region);
  const entries = book && (await cpq.priceBookEntries.load({ priceBookId: book.value.id, currency }));
  return entries && entries.value.length > 0
    ? undefined
    : userError('BAD_USER_INPUT', `Your price book has no prices in ${currency}`, 'currency');
}

async function customerProblem(
  { cpq }: QuotingContext,
  partner: Partner,
  customerAccountId: string,
): Promise<UserError | undefined> {
  const customer = await cpq.customerById.load(customerAccountId);
  return customer?.partnerId === partner.id
    ? undefined
    : userError('NOT_FOUND', `${customerAccountId} is not one of your customers`, 'customerAccountId');
}

/** A registration a new quote may claim: the partner's own, for this customer, neither expired nor rejected. */
async function registrationProblem(
  { prm }: QuotingContext,
  partner: Partner,
  input: CreateQuoteInput,
): Promise<UserError | undefined> {
  if (!input.dealRegistrationId) return undefined;
  const field = 'dealRegistrationId';
  const registration = await prm.dealRegistrationById.load(input.dealRegistrationId);
  if (registration?.partnerId !== partner.id) {
    return userError('NOT_FOUND', `${input.dealRegistrationId} is not one of your deal registrations`, field);
  }
  const status = dealRegistrationStatusOn(registration, businessDay());
  if (status === 'EXPIRED') {
    return userError(
      'DEAL_REGISTRATION_EXPIRED',
      `${registration.id} expired on ${registration.expiresOn}`,
      field,
    );
  }
  if (status === 'REJECTED') {
    return userError('DEAL_REGISTRATION_INVALID', `${registration.id} was rejected`, field);
  }
  if (registration.customerAccountId && registration.customerAccountId !== input.customerAccountId) {
    return userError('DEAL_REGISTRATION_INVALID', `${registration.id} is for another customer`, field);
  }
  return undefined;
}

export async function createQuote(
  context: QuotingContext,
  input: CreateQuoteInput,
  idempotencyKey?: string | null,
) {
  const { viewer, cpq, cpqCommands } = context;
  assertCanWrite(viewer);
  const malformed = [
    identifierUserError('customerAccountId', input.customerAccountId, 'customerAccountId'),
    input.dealRegistrationId
      ? identifierUserError('dealRegistrationId', input.dealRegistrationId, 'dealRegistrationId')
      : undefined,
    idempotencyKeyProblem(idempotencyKey),
  ].filter((problem): problem is UserError => !!problem);
  if (malformed.length > 0) return { quote: null, userErrors: malformed };
  const { partner } = await sellerOf(context, viewer.partnerId);
  if (partner.status !== 'ACTIVE') {
    return {
      quote: null,
      userErrors: [userError('FORBIDDEN', `Partner ${partner.id} is ${partner.status} and may not quote`)],
    };
  }
  const currency = input.currency ?? partner.currency;
  const userErrors = (
    await Promise.all([
      currencyProblem(context, partner, currency),
      customerProblem(context, partner, input.customerAccountId),
      registrationProblem(context, partner, input),
    ])
  ).filter((problem): problem is UserError => !!problem);
  if (userErrors.length > 0) return { quote: null, userErrors };
  let quoteId: string;
  try {
    quoteId = await cpqCommands.createQuote({
      partnerId: partner.id,
      customerAccountId: input.customerAccountId,
      currency,
      dealRegistrationId: input.dealRegistrationId ?? null,
      idempotencyKey: scopedIdempotencyKey(partner.id, idempotencyKey),
    });
  } catch (error) {
    return {
      quote: null,
      // A keyed create the CPQ adapter refuses as CONFLICT: the key made a different record (see CpqCommands).
      userErrors: [
        isUpstreamConflict(error) ? reusedKeyUserError('quote') : refusalAsUserError(error, 'the quote'),
      ],
    };
  }
  cpq.quotesByPartnerId.clear(partner.id);
  return { quote: await cpq.quoteById.load(quoteId), userErrors: [] };
}

/** Why the product cannot go on the partner's quotes, or undefined when it can. */
async function unsellable(
  context: QuotingContext,
  partnerId: string,
  sku: string,
): Promise<UserError | undefined> {
  const product = await context.cpq.productBySku.load(sku);
  if (!product || !product.active) {
    return userError('UNKNOWN_SKU', `No product with SKU ${sku} is for sale`, 'sku');
  }
  const { families } = await sellerOf(context, partnerId);
  const family = productFamily(product);
  return families.includes(family)
    ? undefined
    : userError('NOT_CERTIFIED', `You hold no current ${family} certification, which ${sku} needs`, 'sku');
}

export async function addQuoteLine(
  context: QuotingContext,
  quoteId: string,
  input: AddQuoteLineInput,
  idempotencyKey?: string | null,
) {
  assertCanWrite(context.viewer);
  const nothing = { quote: null, quoteLine: null };
  const malformedSku = identifierUserError('sku', input.sku, 'sku');
  const invalid = [
    ...(malformedSku ? [malformedSku] : []),
    ...lineInputErrors(context, input, idempotencyKey),
  ];
  if (invalid.length > 0) return { ...nothing, userErrors: invalid };
  const checked = await changeableQuote(context, quoteId, 'quoteId');
  if ('userErrors' in checked) return { ...nothing, ...checked };
  const quote = checked.ok;
  const notForSale = await unsellable(context, quote.partnerId, input.sku);
  if (notForSale) return { ...nothing, userErrors: [notForSale] };
  let lineId: string;
  try {
    lineId = await context.cpqCommands.addQuoteLine(quote.id, {
      sku: input.sku,
      quantity: input.quantity,
      ...(input.additionalDiscount ? { additionalDiscountPercent: input.additionalDiscount } : {}),
      idempotencyKey: scopedIdempotencyKey(quote.partnerId, idempotencyKey),
    });
  } catch (error) {
    return {
      ...nothing,
      userErrors: [
        isUpstreamConflict(error) ? reusedKeyUserError('line') : refusalAsUserError(error, 'the line'),
      ],
    };
  }
  forget(context, quote);
  const [updated, quoteLine] = await Promise.all([
    context.cpq.quoteById.load(quote.id),
    context.cpq.quoteLineById.load(lineId),
  ]);
  return { quote: updated, quoteLine, userErrors: [] };
}

export async function updateQuoteLine(
  context: QuotingContext,
  lineId: string,
  input: UpdateQuoteLineInput,
  idempotencyKey?: string | null,
) {
  assertCanWrite(context.viewer);
  const nothing = { quote: null, quoteLine: null };
  if ((input.quantity ?? null) === null && (input.additionalDiscount ?? null) === null) {
    return {
      ...nothing,
      userErrors: [userError('BAD_USER_INPUT', 'Give a quantity, an additional discount or both')],
    };
  }
  const invalid = lineInputErrors(context, input, idempotencyKey);
  if (invalid.length > 0) return { ...nothing, userErrors: invalid };
  const checked = await changeableLine(context, lineId);
  if ('userErrors' in checked) return { ...nothing, ...checked };
  const { quote } = checked.ok;
  try {
    await context.cpqCommands.updateQuoteLine(lineId, {
      ...(input.quantity ? { quantity: input.quantity } : {}),
      ...(input.additionalDiscount ? { additionalDiscountPercent: input.additionalDiscount } : {}),
    });
  } catch (error) {
    return { ...nothing, userErrors: [refusalAsUserError(error, 'the change')] };
  }
  forget(context, quote, lineId);
  const [updated, quoteLine] = await Promise.all([
    context.cpq.quoteById.load(quote.id),
    context.cpq.quoteLineById.load(lineId),
  ]);
  return { quote: updated, quoteLine, userErrors: [] };
}

export async function removeQuoteLine(
  context: QuotingContext,
  lineId: string,
  idempotencyKey?: string | null,
) {
  assertCanWrite(context.viewer);
  const nothing = { quote: null, removedLineId: null };
  const badKey = idempotencyKeyProblem(idempotencyKey);
  if (badKey) return { ...nothing, userErrors: [badKey] };
  const checked = await changeableLine(context, lineId);
  if ('userErrors' in checked) return { ...nothing, ...checked };
  const { quote } = checked.ok;
  try {
    await context.cpqCommands.removeQuoteLine(lineId);
  } catch (error) {
    return { ...nothing, userErrors: [refusalAsUserError(error, 'the removal')] };
  }
  forget(context, quote, lineId);
  return { quote: await context.cpq.quoteById.load(quote.id), removedLineId: lineId, userErrors: [] };
}

/**
 * The calculation's lines are in the CPQ's line order, which is the order of the lines' names; the
 * product, quantity and additional discount of each must match, or the two answers are not about
 * the same state of the quote.
 */
function sameLines(calculation: QuoteCalculation, lines: readonly QuoteLine[]): boolean {
  return (
    calculation.lines.length === lines.length &&
    calculation.lines.every(
      (priced, index) =>
        priced.sku === lines[index]!.sku &&
        priced.quantity === lines[index]!.quantity &&
        new Decimal(priced.additionalDiscountPercent).eq(lines[index]!.additionalDiscountPercent),
    )
  );
}

function linesOfCalculation(calculation: QuoteCalculation, lines: readonly QuoteLine[]) {
  if (!sameLines(calculation, lines)) {
    throw new BadResponseError('cpq priced other lines than the quote has', {
      system: 'cpq',
      operation: 'calculateAndSaveQuote',
    });
  }
  return calculation.lines.map((priced, index) => ({ priced, line: lines[index]! }));
}

function approvalOf(calculation: QuoteCalculation, lines: readonly QuoteLine[]) {
  const limit = calculation.approvalLimitPercent;
  return {
    required: calculation.approvalRequired,
    limit,
    reasons: linesOfCalculation(calculation, lines)
      .filter(({ priced }) => priced.approvalRequired)
      .map(({ priced, line }) => {
        const discount = new Decimal(priced.totalDiscountPercent)
          .minus(priced.dealRegistrationDiscountPercent)
          .toFixed(2);
        return {
          line,
          discount,
          limit,
          message: `${priced.sku}: a ${discount}% discount exceeds the ${limit}% your tier gives without approval`,
        };
      }),
  };
}

function pricingOf(calculation: QuoteCalculation, lines: readonly QuoteLine[]) {
  return {
    pricedOn: calculation.pricingDate,
    lines: linesOfCalculation(calculation, lines).map(({ priced, line }) => ({
      line,
      volumeDiscount: priced.volumeDiscountPercent,
      tierDiscount: priced.partnerDiscountPercent,
      dealRegistrationDiscount: priced.dealRegistrationDiscountPercent,
      additionalDiscount: priced.additionalDiscountPercent,
      totalDiscount: priced.totalDiscountPercent,
      needsApproval: priced.approvalRequired,
    })),
    listTotal: calculation.listTotal,
    netTotal: calculation.netTotal,
    approval: approvalOf(calculation, lines),
    warnings: calculation.warnings,
  };
}

export async function priceQuote(context: QuotingContext, quoteId: string, idempotencyKey?: string | null) {
  assertCanWrite(context.viewer);
  const nothing = { quote: null, pricing: null };
  const badKey = idempotencyKeyProblem(idempotencyKey);
  if (badKey) return { ...nothing, userErrors: [badKey] };
  const checked = await changeableQuote(context, quoteId, 'quoteId');
  if ('userErrors' in checked) return { ...nothing, ...checked };
  let calculation: QuoteCalculation;
  try {
    ({ calculation } = await context.cpqCommands.calculateQuote(quoteId, { save: true }));
  } catch (error) {
    return { ...nothing, userErrors: [refusalAsUserError(error, 'the price calculation')] };
  }
  forget(context, checked.ok);
  const [quote, lines] = await Promise.all([
    context.cpq.quoteById.load(quoteId),
    context.cpq.linesByQuoteId.load(quoteId),
  ]);
  // A line written since the calculation: the pricing would describe lines the quote no longer has.
  if (!sameLines(calculation, lines)) {
    return {
      ...nothing,
      ...refused(
        userError(
          'CONFLICT',
          `Quote ${checked.ok.number} changed while it was being priced; read it again and price it again`,
          'quoteId',
        ),
      ),
    };
  }
  return { quote, pricing: pricingOf(calculation, lines), userErrors: [] };
}

export async function submitQuote(context: QuotingContext, quoteId: string, idempotencyKey?: string | null) {
  assertCanWrite(context.viewer);
  const nothing = { quote: null, approval: null };
  const badKey = idempotencyKeyProblem(idempotencyKey);
  if (badKey) return { ...nothing, userErrors: [badKey] };
  const checked = await changeableQuote(context, quoteId, 'quoteId');
  if ('userErrors' in checked) return { ...nothing, ...checked };
  const quote = checked.ok;
  const lines = await context.cpq.linesByQuoteId.load(quote.id);
  if (lines.length === 0) {
    return {
      ...nothing,
      userErrors: [userError('BAD_USER_INPUT', `Quote ${quote.number} has no lines`, 'quoteId')],
    };
  }
  const notForSale = (
    await Promise.all(
      [...new Set(lines.map((line) => line.sku))].map((sku) => unsellable(context, quote.partnerId, sku)),
    )
  ).filter((problem): problem is UserError => !!problem);
  if (notForSale.length > 0) {
    return { ...nothing, userErrors: notForSale.map((problem) => ({ ...problem, field: 'quoteId' })) };
  }
  const changedMeanwhile = refused(
    userError(
      'CONFLICT',
      `Quote ${quote.number} changed while it was being submitted; read it again and resubmit`,
      'quoteId',
    ),
  );
  let calculation: QuoteCalculation;
  try {
    const priced = await context.cpqCommands.calculateQuote(quote.id, { save: true });
    calculation = priced.calculation;
    // Approves exactly the state just priced: the CPQ refuses the write (412) if a line changed since.
    if (!calculation.approvalRequired) {
      await context.cpqCommands.setQuoteStatus(quote.id, 'APPROVED', {
        ifVersion: priced.savedVersion ?? undefined,
      });
    }
  } catch (error) {
    if (isUpstreamConflict(error)) return { ...nothing, ...changedMeanwhile };
    return { ...nothing, userErrors: [refusalAsUserError(error, 'the submission')] };
  }
  forget(context, quote);
  const [submitted, pricedLines] = await Promise.all([
    context.cpq.quoteById.load(quote.id),
    context.cpq.linesByQuoteId.load(quote.id),
  ]);
  // Another write may land between the submission and this read; the answer must describe the
  // submission, so a quote no longer in the state it left is a conflict, not a success.
  const expected: QuoteStatus = calculation.approvalRequired ? 'IN_REVIEW' : 'APPROVED';
  if (submitted?.status !== expected || !sameLines(calculation, pricedLines)) {
    return { ...nothing, ...changedMeanwhile };
  }
  return { quote: submitted, approval: approvalOf(calculation, pricedLines), userErrors: [] };
}
