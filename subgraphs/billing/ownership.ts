import type { BillingRequestLoaders } from '../../adapters/billing';
import type { Viewer } from '../../runtime';
import { canReadEveryPartner, forbiddenPartnerData } from '../host';

/**
 * Whose a billing record is: every invoice and subscription belongs to a billing account, and the
 * billing system keeps the partner on the account. A partner's users may read records on their own
 * partner's accounts only, however they reached them (a quote, an invoice id, a partner);
 * channel managers read all. The quote a record was reached through proves nothing: the record's
 * own account decides.
 */
export async function assertCanReadBillingRecords(
  viewer: Viewer,
  billing: BillingRequestLoaders,
  records: ReadonlyArray<{ accountId: string }>,
): Promise<void> {
  if (records.length === 0 || canReadEveryPartner(viewer)) return;
  // One call per request, shared with Partner.invoices of the same partner (see the adapter).
  const own = new Set(
    (await billing.accountsByPartnerId.load(viewer.partnerId)).map((account) => account.id),
  );
  if (records.some((record) => !own.has(record.accountId))) throw forbiddenPartnerData();
}
