import { GraphQLError } from 'graphql';
import type { CpqRequestLoaders } from '../../adapters/cpq';
import type { Product, ProductFamily } from '../../domain';
import { BadResponseError } from '../../runtime';

/**
 * The family a product needs wherever it is sold or shown: one the graph does not know (the CPQ
 * mapper leaves it null) is legacy data the graph cannot use.
 */
export function productFamily(product: Product): ProductFamily {
  if (!product.family) {
    throw new BadResponseError('The CPQ returned a product of an unknown family', {
      system: 'cpq',
      operation: 'mapProduct',
    });
  }
  return product.family;
}

/** A product's catalog fields, read through the CPQ adapter's reference-data cache. */
export async function catalogEntry(cpq: CpqRequestLoaders, sku: string) {
  const cached = await cpq.cachedProductBySku.load(sku);
  if (!cached) throw new GraphQLError(`No product with SKU ${sku}`, { extensions: { code: 'NOT_FOUND' } });
  return cached;
}
