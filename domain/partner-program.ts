import type { Money } from './money';
import type { Page } from './types';

/**
 * A partner's standing in the program, as the PRM keeps it: the people, the certifications that
 * decide which product families it may sell, and the deals it registered. Dates are ISO 8601 days.
 */

export type ProductFamily = 'NETWORK' | 'SECURITY' | 'CLOUD' | 'SUPPORT';

export type ContactRole = 'PRIMARY' | 'SALES' | 'TECHNICAL' | 'FINANCE';

export interface Contact {
  id: string;
  partnerId: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  role: ContactRole;
  primary: boolean;
  status: 'ACTIVE' | 'INACTIVE';
}

export type CertificationStatus = 'ACTIVE' | 'EXPIRED';

export interface Certification {
  id: string;
  partnerId: string;
  /** The contact who passed the exam. */
  contactId: string;
  productFamily: ProductFamily;
  level: 'ASSOCIATE' | 'PROFESSIONAL' | 'EXPERT';
  /** As the PRM records it; see `certificationStatusOn` for the status on a given day. */
  status: CertificationStatus;
  certifiedOn: string;
  expiresOn: string;
}

export type DealRegistrationStatus = 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED';

export interface DealRegistration {
  id: string;
  partnerId: string;
  customerName: string;
  /** The CPQ account of the customer, or null for a prospect that is not a customer yet. */
  customerAccountId: string | null;
  productFamily: ProductFamily;
  estimatedAmount: Money;
  /** As the PRM records it; see `dealRegistrationStatusOn` for the status on a given day. */
  status: DealRegistrationStatus;
  submittedOn: string;
  expiresOn: string;
  /** Percent, e.g. "5.00": the extra discount the CPQ gives while the registration is approved. */
  protectedDiscountPercent: string;
}

/** A deal registration known only by its key, as another subgraph hands it over. */
export interface DealRegistrationRef {
  id: string;
}

/** A page of a partner's deal registrations, before cursors are attached. */
export type DealRegistrationConnectionPage = Page<DealRegistration>;

/** What a partner asks the PRM to register. */
export interface DealRegistrationRequest {
  partnerId: string;
  customerName: string;
  customerAccountId: string | null;
  productFamily: ProductFamily;
  /** Decimal string in the partner's currency. */
  estimatedAmount: string;
}

/**
 * The PRM marks certifications Expired in a nightly job, so a record may still say Active on the
 * day after its expiry date: a certification counts only while both its status and its date agree.
 */
export function certificationStatusOn(certification: Certification, day: string): CertificationStatus {
  return certification.status === 'ACTIVE' && certification.expiresOn >= day ? 'ACTIVE' : 'EXPIRED';
}

/** The families a partner may sell on `day`: those it holds at least one current certification for. */
export function certifiedFamilies(certifications: readonly Certification[], day: string): ProductFamily[] {
  const families = new Set(
    certifications
      .filter((certification) => certificationStatusOn(certification, day) === 'ACTIVE')
      .map((certification) => certification.productFamily),
  );
  return (['NETWORK', 'SECURITY', 'CLOUD', 'SUPPORT'] as const).filter((family) => families.has(family));
}

/** Submitted and approved registrations lapse on their expiry date, whatever the PRM's status says. */
export function dealRegistrationStatusOn(
  registration: DealRegistration,
  day: string,
): DealRegistrationStatus {
  const open = registration.status === 'SUBMITTED' || registration.status === 'APPROVED';
  return open && registration.expiresOn < day ? 'EXPIRED' : registration.status;
}
