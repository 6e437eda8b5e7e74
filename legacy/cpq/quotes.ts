import Decimal from 'decimal.js';
import type { Dataset, PrmAccount, SbqqQuoteStatus } from '../seed/dataset';
import { addDays, salesforceId, sfAttributes } from '../seed/common';
import { OPPORTUNITY_STAGE } from '../seed/crm';
import type { PrmDealRegistration } from '../seed/prm';
import { dealRegistrationDiscount, priceQuote, PricingError, type PricedQuote } from './pricing';
import { etagOf, type CpqStore, type SObjectRecord } from './store';

/**
 * Quote writes and the price calculation, with Salesforce's validation errors. Every line write
 * reprices the whole quote by the pricing rules (pricing.ts), saves its amounts, and sets its status
 * from the approval check: "In Review" when a line needs approval, else "Draft". An Accepted quote is
 * locked: its lines cannot change and it cannot be deleted. A quote In Review cannot be Presented or
 * Accepted before it is Approved.
 */

export interface SfFailure {
  status: number;
  errorCode: string;
  message: string;
  fields?: string[];
}

export type Outcome<T> = { ok: T } | { error: SfFailure };

export interface CalculateLine {
  productCode?: string;
  productId?: string;
  quantity: number;
  additionalDiscount?: string;
}

export type CalculateRequest =
  | {
      quoteId?: undefined;
      partnerId: string;
      currency?: string;
      dealRegistrationId?: string;
      pricingDate?: string;
      lines: CalculateLine[];
    }
  | { quoteId: string; save?: boolean; pricingDate?: string };

export interface Calculation extends PricedQuote {
  quoteId: string | null;
  partnerId: string;
  partnerTier: string;
  currency: string;
  pricebookId: string;
  dealRegistrationId: string | null;
  pricingDate: string;
  lines: Array<PricedQuote['lines'][number] & { productId: string; productCode: string }>;
  warnings: string[];
  /**
   * The quote as saved, with `save`: its stamp and entity tag, so a caller can make its next write
   * conditional on exactly the state that was priced (a PATCH with `If-Match`).
   */
  savedQuote?: { lastModifiedDate: string; etag: string };
}

/** Whether an upsert's value is the one the record holds (the CPQ keeps percents as "5.00"). */
function sameValue(held: unknown, given: unknown): boolean {
  if (String(held) === String(given)) return true;
  const numeric = (value: unknown) => NUMERIC.test(String(value));
  return numeric(held) && numeric(given) && new Decimal(String(held)).eq(String(given));
}

const STATUSES: SbqqQuoteStatus[] = ['Draft', 'In Review', 'Approved', 'Presented', 'Accepted', 'Rejected'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
/** The external id field of quotes and lines, unique per type: what upserts match on. */
export const IDEMPOTENCY_KEY_FIELD = 'Idempotency_Key__c';

const QUOTE_CREATE_FIELDS = new Set([
  'SBQQ__Partner__c',
  'SBQQ__Account__c',
  'CurrencyIsoCode',
  'SBQQ__Status__c',
  'SBQQ__ExpirationDate__c',
  'Deal_Registration__c',
]);
const QUOTE_UPDATE_FIELDS = new Set([
  'SBQQ__Account__c',
  'SBQQ__Status__c',
  'SBQQ__ExpirationDate__c',
  'Deal_Registration__c',
]);
const LINE_CREATE_FIELDS = new Set([
  'SBQQ__Quote__c',
  'SBQQ__Product__c',
  'SBQQ__Quantity__c',
  'SBQQ__AdditionalDiscount__c',
]);
const LINE_UPDATE_FIELDS = new Set(['SBQQ__Quantity__c', 'SBQQ__AdditionalDiscount__c']);

function fail(status: number, errorCode: string, message: string, fields?: string[]): { error: SfFailure } {
  return { error: { status, errorCode, message, ...(fields ? { fields } : {}) } };
}

export class QuoteService {
  private readonly partners: Map<string, PrmAccount>;
  private readonly registrations: Map<string, PrmDealRegistration>;
  private readonly entries: Map<string, { UnitPrice: string }>;

  constructor(
    private readonly store: CpqStore,
    dataset: Dataset,
    private readonly today: () => string,
  ) {
    this.partners = new Map(dataset.partners.map((partner) => [partner.id, partner]));
    this.registrations = new Map(dataset.dealRegistrations.map((r) => [r.id, r]));
    this.entries = new Map(
      dataset.priceBookEntries.map((e) => [`${e.Pricebook2Id} ${e.Product2Id} ${e.CurrencyIsoCode}`, e]),
    );
  }

  calculate(request: CalculateRequest): Outcome<Calculation> {
    const pricingDate = request.pricingDate ?? this.today();
    if (request.quoteId !== undefined) {
      const quote = this.store.get('SBQQ__Quote__c', request.quoteId);
      if (!quote) return fail(404, 'NOT_FOUND', `No quote ${request.quoteId}`);
      if (request.save && quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
      const lines = this.linesOf(quote.Id);
      const calculated = this.price(
        {
          quoteId: quote.Id,
          partnerId: String(quote.SBQQ__Partner__c),
          currency: String(quote.CurrencyIsoCode),
          dealRegistrationId: (quote.Deal_Registration__c as string | null) ?? undefined,
          pricingDate,
        },
        lines.map((line) => ({
          productId: String(line.SBQQ__Product__c),
          quantity: Number(line.SBQQ__Quantity__c),
          additionalDiscount: String(line.SBQQ__AdditionalDiscount__c),
        })),
      );
      if ('error' in calculated) return calculated;
      if (!request.save) return calculated;
      this.save(quote, lines, calculated.ok);
      const saved = this.store.get('SBQQ__Quote__c', quote.Id)!;
      return {
        ok: {
          ...calculated.ok,
          savedQuote: { lastModifiedDate: String(saved.LastModifiedDate), etag: etagOf(saved) },
        },
      };
    }
    return this.price(
      {
        quoteId: null,
        partnerId: request.partnerId,
        currency: request.currency,
        dealRegistrationId: request.dealRegistrationId,
        pricingDate,
      },
      request.lines,
    );
  }

  /**
   * Salesforce's upsert on the external id: creates the record (created) or, when a record has the
   * key, changes the fields that differ (not created). A field that may be set only at creation and
   * differs is refused, so a key reused for another record never silently rewrites the first.
   */
  upsert(
    type: 'SBQQ__Quote__c' | 'SBQQ__QuoteLine__c',
    key: string,
    body: Record<string, unknown>,
  ): Outcome<{ id: string; created: boolean }> {
    const existing = this.store.matching(type, IDEMPOTENCY_KEY_FIELD, [key])[0];
    const quote = type === 'SBQQ__Quote__c';
    if (!existing) {
      const created = quote ? this.createQuote(body, key) : this.createLine(body, key);
      return 'error' in created ? created : { ok: { id: created.ok, created: true } };
    }
    const checked = this.checkFields(type, body, quote ? QUOTE_CREATE_FIELDS : LINE_CREATE_FIELDS);
    if (checked) return checked;
    const changed = Object.fromEntries(
      Object.entries(body).filter(([field, value]) => !sameValue(existing[field], value)),
    );
    const fixed = Object.keys(changed).find(
      (field) => !(quote ? QUOTE_UPDATE_FIELDS : LINE_UPDATE_FIELDS).has(field),
    );
    if (fixed) {
      return fail(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${fixed}`, [
        fixed,
      ]);
    }
    if (Object.keys(changed).length > 0) {
      const updated = quote ? this.updateQuote(existing.Id, changed) : this.updateLine(existing.Id, changed);
      if ('error' in updated) return updated;
    }
    return { ok: { id: existing.Id, created: false } };
  }

  createQuote(body: Record<string, unknown>, idempotencyKey: string | null = null): Outcome<string> {
    const checked = this.checkFields('SBQQ__Quote__c', body, QUOTE_CREATE_FIELDS);
    if (checked) return checked;
    const partner = this.partners.get(String(body.SBQQ__Partner__c ?? ''));
    if (body.SBQQ__Partner__c === undefined || body.SBQQ__Account__c === undefined)
      return fail(
        400,
        'REQUIRED_FIELD_MISSING',
        'Required fields are missing: [SBQQ__Partner__c, SBQQ__Account__c]',
        ['SBQQ__Partner__c', 'SBQQ__Account__c'],
      );
    if (!partner)
      return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['SBQQ__Partner__c']);
    const invalid = this.checkQuoteValues(partner, body);
    if (invalid) return invalid;
    const currency = String(body.CurrencyIsoCode ?? partner.currencyCode);
    const pricebookId = this.partnerPriceBook(partner);
    const priced = this.store
      .all('PricebookEntry')
      .some((e) => e.Pricebook2Id === pricebookId && e.CurrencyIsoCode === currency);
    if (!priced)
      return fail(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        `Currency ${currency} is not in the partner's price book`,
        ['CurrencyIsoCode'],
      );
    const sequence = this.store.nextSequence('SBQQ__Quote__c');
    const id = salesforceId('a0Q', sequence);
    const now = new Date();
    const quote: SObjectRecord = {
      attributes: sfAttributes('SBQQ__Quote__c', id),
      Id: id,
      Name: `Q-${String(sequence).padStart(6, '0')}`,
      SBQQ__Partner__c: partner.id,
      SBQQ__Status__c: body.SBQQ__Status__c ?? 'Draft',
      SBQQ__ListAmount__c: '0.00',
      SBQQ__NetAmount__c: '0.00',
      CurrencyIsoCode: currency,
      SBQQ__ExpirationDate__c: body.SBQQ__ExpirationDate__c ?? addDays(this.today(), 30),
      CreatedDate: now.toISOString(),
      SBQQ__Account__c: body.SBQQ__Account__c,
      SBQQ__Opportunity2__c: salesforceId('006', this.store.nextSequence('Opportunity')),
      SBQQ__PriceBook__c: pricebookId,
      Deal_Registration__c: body.Deal_Registration__c ?? null,
      [IDEMPOTENCY_KEY_FIELD]: idempotencyKey,
    };
    const account = this.store.get('Account', String(quote.SBQQ__Account__c))!;
    this.store.put('SBQQ__Quote__c', quote);
    this.store.put('Opportunity', {
      attributes: sfAttributes('Opportunity', String(quote.SBQQ__Opportunity2__c)),
      Id: String(quote.SBQQ__Opportunity2__c),
      Name: `${String(account.Name)} - ${String(quote.Name)}`,
      AccountId: account.Id,
      Partner__c: partner.id,
      StageName: OPPORTUNITY_STAGE[quote.SBQQ__Status__c as SbqqQuoteStatus],
      CloseDate: quote.SBQQ__ExpirationDate__c,
      Amount: '0.00',
      CurrencyIsoCode: currency,
      IsClosed: false,
      IsWon: false,
      SBQQ__PrimaryQuote__c: id,
      CreatedDate: quote.CreatedDate,
    });
    this.syncOpportunity(quote);
    return { ok: id };
  }

  updateQuote(id: string, body: Record<string, unknown>): Outcome<void> {
    const quote = this.store.get('SBQQ__Quote__c', id);
    if (!quote) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const checked = this.checkFields('SBQQ__Quote__c', body, QUOTE_UPDATE_FIELDS);
    if (checked) return checked;
    const invalid = this.checkQuoteValues(this.partners.get(String(quote.SBQQ__Partner__c))!, body);
    if (invalid) return invalid;
    const status = body.SBQQ__Status__c;
    if (quote.SBQQ__Status__c === 'In Review' && (status === 'Presented' || status === 'Accepted')) {
      return fail(
        400,
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        `Quote ${String(quote.Name)} needs approval before it can be ${status}`,
        ['SBQQ__Status__c'],
      );
    }
    const updated: SObjectRecord = { ...quote, ...body };
    if ('Deal_Registration__c' in body && body.Deal_Registration__c !== quote.Deal_Registration__c) {
      if (quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
      return this.repriceAndSave(updated);
    }
    this.store.put('SBQQ__Quote__c', updated);
    this.syncOpportunity(updated);
    return { ok: undefined };
  }

  deleteQuote(id: string): Outcome<void> {
    const quote = this.store.get('SBQQ__Quote__c', id);
    if (!quote) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
    for (const lineId of this.store.lineIdsOf(id)) this.store.remove('SBQQ__QuoteLine__c', lineId);
    this.store.remove('SBQQ__Quote__c', id);
    return { ok: undefined };
  }

  createLine(body: Record<string, unknown>, idempotencyKey: string | null = null): Outcome<string> {
    const checked = this.checkFields('SBQQ__QuoteLine__c', body, LINE_CREATE_FIELDS);
    if (checked) return checked;
    const missing = ['SBQQ__Quote__c', 'SBQQ__Product__c', 'SBQQ__Quantity__c'].filter(
      (f) => body[f] === undefined,
    );
    if (missing.length > 0)
      return fail(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing,
      );
    const quote = this.store.get('SBQQ__Quote__c', String(body.SBQQ__Quote__c));
    if (!quote)
      return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['SBQQ__Quote__c']);
    const product = this.store.get('Product2', String(body.SBQQ__Product__c));
    if (!product)
      return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['SBQQ__Product__c']);
    const invalid = this.checkLineValues(body);
    if (invalid) return invalid;
    if (quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
    const sequence = this.store.nextSequence('SBQQ__QuoteLine__c');
    const id = salesforceId('a0R', sequence);
    const line: SObjectRecord = {
      attributes: sfAttributes('SBQQ__QuoteLine__c', id),
      Id: id,
      Name: `QL-${String(sequence).padStart(7, '0')}`,
      SBQQ__Quote__c: quote.Id,
      SBQQ__Product__c: product.Id,
      SBQQ__ProductCode__c: product.ProductCode,
      SBQQ__ProductName__c: product.Name,
      SBQQ__Quantity__c: body.SBQQ__Quantity__c,
      SBQQ__ListPrice__c: '0.00',
      SBQQ__Discount__c: '0.00',
      SBQQ__NetPrice__c: '0.00',
      SBQQ__NetTotal__c: '0.00',
      CurrencyIsoCode: quote.CurrencyIsoCode,
      SBQQ__AdditionalDiscount__c: new Decimal(String(body.SBQQ__AdditionalDiscount__c ?? 0)).toFixed(2),
      [IDEMPOTENCY_KEY_FIELD]: idempotencyKey,
    };
    const saved = this.repriceAndSave(quote, [...this.linesOf(quote.Id), line]);
    return 'error' in saved ? saved : { ok: id };
  }

  updateLine(id: string, body: Record<string, unknown>): Outcome<void> {
    const line = this.store.get('SBQQ__QuoteLine__c', id);
    if (!line) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const checked = this.checkFields('SBQQ__QuoteLine__c', body, LINE_UPDATE_FIELDS);
    if (checked) return checked;
    const invalid = this.checkLineValues(body);
    if (invalid) return invalid;
    const quote = this.store.get('SBQQ__Quote__c', String(line.SBQQ__Quote__c))!;
    if (quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
    const updated: SObjectRecord = {
      ...line,
      ...body,
      ...(body.SBQQ__AdditionalDiscount__c === undefined
        ? {}
        : { SBQQ__AdditionalDiscount__c: new Decimal(String(body.SBQQ__AdditionalDiscount__c)).toFixed(2) }),
    };
    return this.repriceAndSave(
      quote,
      this.linesOf(quote.Id).map((l) => (l.Id === id ? updated : l)),
    );
  }

  deleteLine(id: string): Outcome<void> {
    const line = this.store.get('SBQQ__QuoteLine__c', id);
    if (!line) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const quote = this.store.get('SBQQ__Quote__c', String(line.SBQQ__Quote__c))!;
    if (quote.SBQQ__Status__c === 'Accepted') return this.locked(quote);
    const saved = this.repriceAndSave(
      quote,
      this.linesOf(quote.Id).filter((l) => l.Id !== id),
    );
    if ('error' in saved) return saved;
    this.store.remove('SBQQ__QuoteLine__c', id);
    return saved;
  }

  private linesOf(quoteId: string): SObjectRecord[] {
    return this.store.lineIdsOf(quoteId).map((lineId) => this.store.get('SBQQ__QuoteLine__c', lineId)!);
  }

  private partnerPriceBook(partner: PrmAccount): string {
    return String(this.store.all('Pricebook2').find((book) => book.Region__c === partner.region)?.Id ?? '');
  }

  private locked(quote: SObjectRecord): { error: SfFailure } {
    return fail(400, 'ENTITY_IS_LOCKED', `Quote ${String(quote.Name)} is Accepted and locked for editing`);
  }

  private price(
    header: {
      quoteId: string | null;
      partnerId: string;
      currency?: string;
      dealRegistrationId?: string;
      pricingDate: string;
    },
    lines: CalculateLine[],
  ): Outcome<Calculation> {
    const partner = this.partners.get(header.partnerId);
    if (!partner)
      return fail(400, 'INVALID_CROSS_REFERENCE_KEY', `No partner ${header.partnerId}`, ['partnerId']);
    const currency = header.currency ?? partner.currencyCode;
    const pricebookId = this.partnerPriceBook(partner);
    const warnings: string[] = [];
    let registrationDiscount = '0.00';
    if (header.dealRegistrationId) {
      const registration = this.registrations.get(header.dealRegistrationId);
      if (!registration) warnings.push(`deal registration ${header.dealRegistrationId} does not exist`);
      const protectedDiscount = dealRegistrationDiscount(registration, partner.id, header.pricingDate);
      if (protectedDiscount.warning) warnings.push(protectedDiscount.warning);
      registrationDiscount = protectedDiscount.percent;
    }
    const products: SObjectRecord[] = [];
    const toPrice = [];
    for (const line of lines) {
      const product = line.productId
        ? this.store.get('Product2', line.productId)
        : this.store.all('Product2').find((p) => p.ProductCode === line.productCode);
      if (!product)
        return fail(400, 'INVALID_CROSS_REFERENCE_KEY', `No product ${line.productId ?? line.productCode}`, [
          'lines',
        ]);
      const entry = this.entries.get(`${pricebookId} ${product.Id} ${currency}`);
      if (!entry)
        return fail(
          400,
          'FIELD_INTEGRITY_EXCEPTION',
          `${String(product.ProductCode)} has no ${currency} price in the partner's price book`,
          ['lines'],
        );
      products.push(product);
      toPrice.push({
        listPrice: entry.UnitPrice,
        quantity: line.quantity,
        additionalDiscount: line.additionalDiscount ?? '0',
      });
    }
    let priced: PricedQuote;
    try {
      priced = priceQuote(
        { partnerTier: partner.partnerLevel.name, dealRegistrationDiscount: registrationDiscount },
        toPrice,
      );
    } catch (error) {
      if (error instanceof PricingError)
        return fail(400, 'FIELD_INTEGRITY_EXCEPTION', error.message, ['lines']);
      throw error;
    }
    return {
      ok: {
        quoteId: header.quoteId,
        partnerId: partner.id,
        partnerTier: partner.partnerLevel.name,
        currency,
        pricebookId,
        dealRegistrationId: header.dealRegistrationId ?? null,
        pricingDate: header.pricingDate,
        ...priced,
        lines: priced.lines.map((line, index) => ({
          productId: products[index]!.Id,
          productCode: String(products[index]!.ProductCode),
          ...line,
        })),
        warnings,
      },
    };
  }

  private repriceAndSave(quote: SObjectRecord, lines = this.linesOf(quote.Id)): Outcome<void> {
    const calculated = this.price(
      {
        quoteId: quote.Id,
        partnerId: String(quote.SBQQ__Partner__c),
        currency: String(quote.CurrencyIsoCode),
        dealRegistrationId: (quote.Deal_Registration__c as string | null) ?? undefined,
        pricingDate: this.today(),
      },
      lines.map((line) => ({
        productId: String(line.SBQQ__Product__c),
        quantity: Number(line.SBQQ__Quantity__c),
        additionalDiscount: String(line.SBQQ__AdditionalDiscount__c),
      })),
    );
    if ('error' in calculated) return calculated;
    this.save(quote, lines, calculated.ok);
    return { ok: undefined };
  }

  private save(quote: SObjectRecord, lines: SObjectRecord[], calculation: Calculation): void {
    lines.forEach((line, index) => {
      const priced = calculation.lines[index]!;
      this.store.put('SBQQ__QuoteLine__c', {
        ...line,
        SBQQ__ListPrice__c: priced.listPrice,
        SBQQ__Discount__c: priced.totalDiscount,
        SBQQ__NetPrice__c: priced.netPrice,
        SBQQ__NetTotal__c: priced.netTotal,
        SBQQ__AdditionalDiscount__c: priced.additionalDiscount,
      });
    });
    const saved: SObjectRecord = {
      ...quote,
      SBQQ__ListAmount__c: calculation.listAmount,
      SBQQ__NetAmount__c: calculation.netAmount,
      SBQQ__Status__c: calculation.status,
    };
    this.store.put('SBQQ__Quote__c', saved);
    this.syncOpportunity(saved);
  }

  private syncOpportunity(quote: SObjectRecord): void {
    const opportunity = this.store.get('Opportunity', String(quote.SBQQ__Opportunity2__c));
    if (!opportunity) return;
    const stage = OPPORTUNITY_STAGE[quote.SBQQ__Status__c as SbqqQuoteStatus];
    const closed = stage === 'Closed Won' || stage === 'Closed Lost';
    this.store.put('Opportunity', {
      ...opportunity,
      StageName: stage,
      Amount: quote.SBQQ__NetAmount__c,
      IsClosed: closed,
      IsWon: stage === 'Closed Won',
      ...(closed && !opportunity.IsClosed ? { CloseDate: this.today() } : {}),
    });
  }

  private checkFields(
    type: string,
    body: Record<string, unknown>,
    writable: Set<string>,
  ): { error: SfFailure } | undefined {
    const known = this.store.fields(type);
    for (const field of Object.keys(body)) {
      if (!known.has(field))
        return fail(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`, [field]);
      if (!writable.has(field))
        return fail(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field}`, [
          field,
        ]);
    }
    return undefined;
  }

  private checkQuoteValues(
    partner: PrmAccount,
    body: Record<string, unknown>,
  ): { error: SfFailure } | undefined {
    if (body.SBQQ__Status__c !== undefined && !STATUSES.includes(body.SBQQ__Status__c as SbqqQuoteStatus))
      return fail(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `bad value for restricted picklist field: ${String(body.SBQQ__Status__c)}`,
        ['SBQQ__Status__c'],
      );
    if (body.SBQQ__ExpirationDate__c !== undefined && !ISO_DATE.test(String(body.SBQQ__ExpirationDate__c)))
      return fail(
        400,
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'SBQQ__ExpirationDate__c: value not of required type',
        ['SBQQ__ExpirationDate__c'],
      );
    if (body.SBQQ__Account__c !== undefined) {
      const account = this.store.get('Account', String(body.SBQQ__Account__c));
      if (!account)
        return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['SBQQ__Account__c']);
      if (account.Partner__c !== partner.id)
        return fail(
          400,
          'FIELD_INTEGRITY_EXCEPTION',
          `Account ${account.Id} is not a customer of ${partner.id}`,
          ['SBQQ__Account__c'],
        );
    }
    if (body.Deal_Registration__c !== undefined && body.Deal_Registration__c !== null) {
      const registration = this.registrations.get(String(body.Deal_Registration__c));
      if (!registration)
        return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [
          'Deal_Registration__c',
        ]);
      if (registration.accountId !== partner.id)
        return fail(
          400,
          'FIELD_INTEGRITY_EXCEPTION',
          `Deal registration ${registration.id} belongs to another partner`,
          ['Deal_Registration__c'],
        );
    }
    return undefined;
  }

  private checkLineValues(body: Record<string, unknown>): { error: SfFailure } | undefined {
    const quantity = body.SBQQ__Quantity__c;
    if (
      quantity !== undefined &&
      (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
    )
      return fail(
        400,
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'SBQQ__Quantity__c: a whole number from 1 is required',
        ['SBQQ__Quantity__c'],
      );
    const discount = body.SBQQ__AdditionalDiscount__c;
    if (discount !== undefined && !(typeof discount === 'string' || typeof discount === 'number'))
      return fail(
        400,
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'SBQQ__AdditionalDiscount__c: a percent is required',
        ['SBQQ__AdditionalDiscount__c'],
      );
    if (
      discount !== undefined &&
      (!PERCENT.test(String(discount)) || new Decimal(String(discount)).greaterThan(100))
    )
      return fail(
        400,
        'FIELD_INTEGRITY_EXCEPTION',
        'SBQQ__AdditionalDiscount__c: a percent from 0 to 100 with up to 2 places is required',
        ['SBQQ__AdditionalDiscount__c'],
      );
    return undefined;
  }
}
