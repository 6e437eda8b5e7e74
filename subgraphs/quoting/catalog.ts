import { GraphQLError } from 'graphql';
import {
  businessDay,
  type Certification,
  certifiedFamilies,
  type Freshness,
  type Partner,
  type ProductFamily,
} from '../../domain';
import { BadResponseError } from '../../runtime';
import { badUserInput } from '../host';
import { productFamily } from './products';
import type { QuotingContext } from './context';

/**
 * The catalog: what a partner may sell, at its prices. Certifications come from the PRM, read
 * fresh through the shared PRM adapter (quoting needs them for its writes too, where `@requires`
 * cannot help: a root mutation has no entity to require fields of). Price books, entries, products
 * and the partner's unit prices are CPQ reference data, through the CPQ adapter's cache.
 */
export interface CatalogModel {
  partner: Partner;
  currency: string;
  families: ProductFamily[];
}

/** The partner as the PRM knows it, with the families it may sell today. */
export async function sellerOf(
  { prm }: QuotingContext,
  partnerId: string,
): Promise<{ partner: Partner; certifications: Certification[]; families: ProductFamily[] }> {
  const [partner, certifications] = await Promise.all([
    prm.partnerById.load(partnerId),
    prm.certificationsByPartnerId.load(partnerId),
  ]);
  if (!partner) {
    throw new GraphQLError(`The PRM has no partner ${partnerId}`, { extensions: { code: 'NOT_FOUND' } });
  }
  return { partner, certifications, families: certifiedFamilies(certifications, businessDay()) };
}

export async function catalogOf(
  context: QuotingContext,
  partnerId: string,
  currency: string | null | undefined,
): Promise<CatalogModel> {
  const { partner, families } = await sellerOf(context, partnerId);
  return { partner, currency: currency ?? partner.currency, families };
}

/** The oldest and stalest of several pieces of reference data, as the schema's Freshness. */
function freshnessOf(parts: readonly Freshness[]) {
  const oldest = parts.reduce((a, b) => (a.ageMs >= b.ageMs ? a : b));
  return {
    asOf: oldest.asOf,
    stale: parts.some((part) => part.stale),
    ageSeconds: Math.floor(oldest.ageMs / 1000),
  };
}

function inconsistentCatalog(message: string): BadResponseError {
  return new BadResponseError(message, { system: 'cpq', operation: 'calculatePartnerPrices' });
}

export async function priceBookOf({ cpq }: QuotingContext, catalog: CatalogModel) {
  const { partner, currency, families } = catalog;
  const book = await cpq.priceBookByRegion.load(partner.region);
  if (!book) {
    throw new GraphQLError(`The CPQ has no price book for region ${partner.region}`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  const key = { priceBookId: book.value.id, currency };
  const entries = await cpq.priceBookEntries.load(key);
  if (entries.value.length === 0) {
    throw badUserInput(`Your price book has no prices in ${currency}`, 'currency');
  }
  const active = entries.value.filter((entry) => entry.active);
  const [prices, products] = await Promise.all([
    cpq.partnerPrices.load({ ...key, partnerId: partner.id }),
    cpq.cachedProductBySku.loadMany(active.map((entry) => entry.sku)),
  ]);
  const priceBySku = new Map(prices.value.map((price) => [price.sku, price]));
  const freshness = [book.freshness, entries.freshness, prices.freshness];
  const sellable = active.flatMap((entry, index) => {
    const product = products[index];
    if (product instanceof Error) throw product;
    if (!product) throw inconsistentCatalog(`price book entry ${entry.sku} has no product`);
    freshness.push(product.freshness);
    if (!product.value.active || !families.includes(productFamily(product.value))) return [];
    const price = priceBySku.get(entry.sku);
    if (!price) throw inconsistentCatalog(`no partner price for ${entry.sku}`);
    return [
      {
        product: { sku: product.value.sku, name: product.value.name },
        listPrice: entry.listPrice,
        partnerPrice: price.partnerPrice,
      },
    ];
  });
  return {
    id: book.value.id,
    name: book.value.name,
    currency,
    tierDiscount: prices.value[0]?.partnerDiscountPercent ?? '0.00',
    entries: sellable,
    freshness: freshnessOf(freshness),
  };
}
