import { GraphQLError } from 'graphql';
import type { CpqRequestLoaders } from '../../adapters/cpq';
import type { Product } from '../../domain';

/** Catalog fields of a product, read through the CPQ adapter's reference-data cache. */
export type ProductFamily = 'NETWORK' | 'SECURITY' | 'CLOUD' | 'SUPPORT';

const FAMILIES: Record<string, ProductFamily> = {
  Network: 'NETWORK',
  Security: 'SECURITY',
  Cloud: 'CLOUD',
  Support: 'SUPPORT',
};

export function productFamily(product: Product): ProductFamily {
  const family = FAMILIES[product.family];
  if (!family) {
    throw new GraphQLError('The CPQ returned a product of an unknown family', {
      extensions: {
        code: 'UPSTREAM_BAD_RESPONSE',
        upstream: { system: 'cpq', operation: 'mapProduct', breaker: 'closed' },
      },
    });
  }
  return family;
}

export async function catalogEntry(cpq: CpqRequestLoaders, sku: string) {
  const cached = await cpq.cachedProductBySku.load(sku);
  if (!cached) throw new GraphQLError(`No product with SKU ${sku}`, { extensions: { code: 'NOT_FOUND' } });
  return cached;
}
