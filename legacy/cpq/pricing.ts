import Decimal from 'decimal.js';
import { TIER_DISCOUNT_PERCENT, type PrmTierName } from '../seed/dataset';
import type { PrmDealRegistration } from '../seed/prm';

/**
 * The CPQ's price calculation, pure: what the calculate endpoint answers and what every quote line
 * write saves.
 *
 * 1. List price: the PricebookEntry of the partner's regional price book for the product in the
 *    quote's currency (the caller looks it up and passes it in).
 * 2. Discounts, in percent of the list price, added together:
 *    - volume, by the line's quantity (VOLUME_TIERS);
 *    - partner tier, the standard channel discount (TIER_DISCOUNT_PERCENT);
 *    - deal registration: the protected discount of the quote's registration when it is Approved,
 *      belongs to the same partner and has not expired on the pricing date (else nothing, with a
 *      warning);
 *    - additional: asked for on the line.
 *    The total may not exceed 100.
 * 3. Net price = list x (1 - total / 100), rounded to 2 places half up; net total = net price x
 *    quantity; the quote's amounts are the sums of its lines' list and net totals.
 * 4. Approval: the discount a line needs approved is its total minus the deal-registration discount
 *    (the protected part is approved when the registration is). When any line's exceeds the tier's
 *    APPROVAL_LIMIT_PERCENT, the quote needs approval and goes "In Review".
 */

export const VOLUME_TIERS: ReadonlyArray<{ minQuantity: number; discountPercent: string }> = [
  { minQuantity: 100, discountPercent: '12.00' },
  { minQuantity: 50, discountPercent: '8.00' },
  { minQuantity: 10, discountPercent: '5.00' },
  { minQuantity: 1, discountPercent: '0.00' },
];

export const APPROVAL_LIMIT_PERCENT: Record<PrmTierName, string> = {
  Registered: '15.00',
  Silver: '20.00',
  Gold: '25.00',
  Platinum: '30.00',
};

export class PricingError extends Error {}

export interface LineToPrice {
  listPrice: string;
  quantity: number;
  additionalDiscount: string;
}

export interface PricedLine {
  listPrice: string;
  quantity: number;
  volumeDiscount: string;
  partnerDiscount: string;
  dealRegistrationDiscount: string;
  additionalDiscount: string;
  totalDiscount: string;
  netPrice: string;
  listTotal: string;
  netTotal: string;
  approvalRequired: boolean;
}

export interface PricedQuote {
  lines: PricedLine[];
  listAmount: string;
  netAmount: string;
  approvalLimitPercent: string;
  approvalRequired: boolean;
  status: 'Draft' | 'In Review';
}

export interface PricingContext {
  partnerTier: PrmTierName;
  /** The protected discount that applies (already checked by `dealRegistrationDiscount`). */
  dealRegistrationDiscount: string;
}

export function volumeDiscountPercent(quantity: number): string {
  return VOLUME_TIERS.find((tier) => quantity >= tier.minQuantity)?.discountPercent ?? '0.00';
}

/** The protected discount a registration gives a quote, or 0 and the reason it gives none. */
export function dealRegistrationDiscount(
  registration: PrmDealRegistration | undefined,
  partnerId: string,
  pricingDate: string,
): { percent: string; warning?: string } {
  if (!registration) return { percent: '0.00' };
  const id = registration.id;
  if (registration.accountId !== partnerId)
    return { percent: '0.00', warning: `deal registration ${id} belongs to another partner` };
  if (registration.status !== 'Approved')
    return { percent: '0.00', warning: `deal registration ${id} is ${registration.status}, not Approved` };
  if (registration.expiresOn < pricingDate)
    return { percent: '0.00', warning: `deal registration ${id} expired on ${registration.expiresOn}` };
  return { percent: new Decimal(registration.protectedDiscountPercent).toFixed(2) };
}

export function priceLine(context: PricingContext, line: LineToPrice): PricedLine {
  if (!Number.isInteger(line.quantity) || line.quantity < 1)
    throw new PricingError('quantity must be a whole number from 1');
  const volume = new Decimal(volumeDiscountPercent(line.quantity));
  const partner = new Decimal(TIER_DISCOUNT_PERCENT[context.partnerTier]);
  const dealRegistration = new Decimal(context.dealRegistrationDiscount);
  const additional = new Decimal(line.additionalDiscount);
  if (additional.isNegative() || additional.greaterThan(100))
    throw new PricingError('the additional discount must be from 0 to 100 percent');
  const total = volume.plus(partner).plus(dealRegistration).plus(additional);
  if (total.greaterThan(100)) throw new PricingError(`a total discount of ${total.toFixed(2)}% exceeds 100%`);
  const listPrice = new Decimal(line.listPrice);
  const netPrice = listPrice
    .times(new Decimal(1).minus(total.div(100)))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    listPrice: listPrice.toFixed(2),
    quantity: line.quantity,
    volumeDiscount: volume.toFixed(2),
    partnerDiscount: partner.toFixed(2),
    dealRegistrationDiscount: dealRegistration.toFixed(2),
    additionalDiscount: additional.toFixed(2),
    totalDiscount: total.toFixed(2),
    netPrice: netPrice.toFixed(2),
    listTotal: listPrice.times(line.quantity).toFixed(2),
    netTotal: netPrice.times(line.quantity).toFixed(2),
    approvalRequired: total.minus(dealRegistration).greaterThan(APPROVAL_LIMIT_PERCENT[context.partnerTier]),
  };
}

export function priceQuote(context: PricingContext, lines: LineToPrice[]): PricedQuote {
  const priced = lines.map((line) => priceLine(context, line));
  const approvalRequired = priced.some((line) => line.approvalRequired);
  return {
    lines: priced,
    listAmount: priced.reduce((sum, line) => sum.plus(line.listTotal), new Decimal(0)).toFixed(2),
    netAmount: priced.reduce((sum, line) => sum.plus(line.netTotal), new Decimal(0)).toFixed(2),
    approvalLimitPercent: APPROVAL_LIMIT_PERCENT[context.partnerTier],
    approvalRequired,
    status: approvalRequired ? 'In Review' : 'Draft',
  };
}
