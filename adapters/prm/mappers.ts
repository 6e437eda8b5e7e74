import type { ZodType } from 'zod';
import {
  type Certification,
  type Contact,
  type DealRegistration,
  money,
  type Partner,
  type PartnerStatus,
  type PartnerTier,
  type ProductFamily,
  roundAmount,
} from '../../domain';
import { parseLegacyRecord } from '../http';
import {
  prmAccountSchema,
  type PrmAccount,
  prmCertificationSchema,
  type PrmCertification,
  prmContactSchema,
  type PrmContact,
  prmDealRegistrationSchema,
  type PrmDealRegistration,
} from './types';

const TIERS: Record<PrmAccount['partnerLevel']['name'], PartnerTier> = {
  Registered: 'REGISTERED',
  Silver: 'SILVER',
  Gold: 'GOLD',
  Platinum: 'PLATINUM',
};

const STATUSES: Record<PrmAccount['accountStatus'], PartnerStatus> = {
  Active: 'ACTIVE',
  Suspended: 'SUSPENDED',
  Terminated: 'TERMINATED',
};

const FAMILIES: Record<PrmCertification['productFamily'], ProductFamily> = {
  Network: 'NETWORK',
  Security: 'SECURITY',
  Cloud: 'CLOUD',
  Support: 'SUPPORT',
};

/** The PRM's name for a product family, for requests. */
export const PRM_FAMILIES: Record<ProductFamily, PrmCertification['productFamily']> = {
  NETWORK: 'Network',
  SECURITY: 'Security',
  CLOUD: 'Cloud',
  SUPPORT: 'Support',
};

const CONTACT_ROLES: Record<PrmContact['role'], Contact['role']> = {
  Primary: 'PRIMARY',
  Sales: 'SALES',
  Technical: 'TECHNICAL',
  Finance: 'FINANCE',
};

const CERTIFICATION_LEVELS: Record<PrmCertification['level'], Certification['level']> = {
  Associate: 'ASSOCIATE',
  Professional: 'PROFESSIONAL',
  Expert: 'EXPERT',
};

const REGISTRATION_STATUSES: Record<PrmDealRegistration['status'], DealRegistration['status']> = {
  Submitted: 'SUBMITTED',
  Approved: 'APPROVED',
  Rejected: 'REJECTED',
  Expired: 'EXPIRED',
};

/** The PRM's name for a deal registration status, for filters. */
export const PRM_REGISTRATION_STATUSES: Record<DealRegistration['status'], PrmDealRegistration['status']> = {
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
};

function parseRecord<T>(schema: ZodType<T>, record: unknown, what: string, operation: string): T {
  return parseLegacyRecord(schema, record, { system: 'prm', operation, what });
}

/** Maps one PRM account to a Partner, or rejects it as UPSTREAM_BAD_RESPONSE if it is malformed. */
export function toPartner(record: unknown): Partner {
  const account = parseRecord(prmAccountSchema, record, 'partner', 'mapAccount');
  return {
    id: account.id,
    name: account.name,
    tier: TIERS[account.partnerLevel.name],
    region: account.region,
    status: STATUSES[account.accountStatus],
    country: account.billingCountry,
    currency: account.currencyCode,
    annualQuota: money(account.annualQuota, account.currencyCode),
  };
}

export function toContact(record: unknown): Contact {
  const contact = parseRecord(prmContactSchema, record, 'contact', 'mapContact');
  return {
    id: contact.id,
    partnerId: contact.accountId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    title: contact.title,
    role: CONTACT_ROLES[contact.role],
    primary: contact.isPrimary,
    status: contact.status === 'Active' ? 'ACTIVE' : 'INACTIVE',
  };
}

export function toCertification(record: unknown): Certification {
  const certification = parseRecord(prmCertificationSchema, record, 'certification', 'mapCertification');
  return {
    id: certification.id,
    partnerId: certification.accountId,
    contactId: certification.contactId,
    productFamily: FAMILIES[certification.productFamily],
    level: CERTIFICATION_LEVELS[certification.level],
    status: certification.status === 'Active' ? 'ACTIVE' : 'EXPIRED',
    certifiedOn: certification.certifiedOn,
    expiresOn: certification.expiresOn,
  };
}

export function toDealRegistration(record: unknown): DealRegistration {
  const registration = parseRecord(
    prmDealRegistrationSchema,
    record,
    'deal registration',
    'mapDealRegistration',
  );
  return {
    id: registration.id,
    partnerId: registration.accountId,
    customerName: registration.customerName,
    customerAccountId: registration.customerAccountId,
    productFamily: FAMILIES[registration.productFamily],
    estimatedAmount: money(registration.estimatedAmount, registration.currencyCode),
    status: REGISTRATION_STATUSES[registration.status],
    submittedOn: registration.submittedOn,
    expiresOn: registration.expiresOn,
    protectedDiscountPercent: roundAmount(registration.protectedDiscountPercent),
  };
}
