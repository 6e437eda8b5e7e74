import { UpstreamError } from '../http';
import { toInvoice, toSubscription } from './mappers';

const INVOICE = {
  id: 'INV-1',
  invoiceNumber: 'INV00000001',
  accountId: 'ACC-1',
  invoiceDate: '2026-08-13',
  dueDate: '2026-09-12',
  currency: 'GBP',
  amount: '120.00',
  balance: '20.00',
  status: 'Posted',
  QuoteId__c: null,
  invoiceItems: [],
};

const SUBSCRIPTION = {
  id: 'SUB-1',
  subscriptionNumber: 'A-S00000001',
  accountId: 'ACC-1',
  status: 'Active',
  initialTerm: 12,
  contractEffectiveDate: '2026-08-13',
  termStartDate: '2026-08-13',
  termEndDate: '2027-08-13',
  currency: 'GBP',
  totalContractedValue: '120.00',
  QuoteId__c: 'a0Q000000000004AAA',
  ratePlans: [],
  createdDate: '2026-08-13T12:00:00.000Z',
};

describe('toInvoice', () => {
  it.each([
    ['Posted', '20.00', 'OPEN'],
    ['Posted', '0.00', 'PAID'],
    ['Draft', '120.00', 'DRAFT'],
    ['Canceled', '0.00', 'CANCELED'],
  ])('maps a %s invoice with balance %s to %s', (status, balance, expected) => {
    expect(toInvoice({ ...INVOICE, status, balance }).status).toBe(expected);
  });

  it.each([
    ['an unknown status', { ...INVOICE, status: 'Error' }],
    ['a float amount', { ...INVOICE, amount: 120 }],
    ['a timestamp as due date', { ...INVOICE, dueDate: '2026-09-12T00:00:00Z' }],
    ['items that are not a list', { ...INVOICE, invoiceItems: null }],
  ])('rejects %s as UPSTREAM_BAD_RESPONSE', (_case, record) => {
    expect(() => toInvoice(record)).toThrow(UpstreamError);
    expect(() => toInvoice(record)).toThrow(expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE' }));
  });
});

describe('toSubscription', () => {
  it.each([
    ['Pending Activation', 'PENDING'],
    ['Cancelled', 'CANCELED'],
    ['Expired', 'EXPIRED'],
  ])('maps status %s to %s', (status, expected) => {
    expect(toSubscription({ ...SUBSCRIPTION, status }).status).toBe(expected);
  });
});
