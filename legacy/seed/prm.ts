import type { SeededRandom } from './random';
import type { SfAccount } from './crm';
import { addDays, AS_OF_DAY, sequenceNumber, type SeedCalendar } from './common';
import type { CurrencyCode, PrmAccount, PrmTierName } from './dataset';
import type { ProductFamily } from '../incentives/rules';

/**
 * The PRM's records beyond partner accounts: contacts, certifications and deal registrations, in
 * Impartner's camelCase, plus the distributors some partners buy through.
 */

export interface Distributor {
  id: string;
  name: string;
  regions: Array<PrmAccount['region']>;
}

export const DISTRIBUTORS: Distributor[] = [
  { id: 'D-001', name: 'Northwind Distribution', regions: ['NA', 'LATAM'] },
  { id: 'D-002', name: 'Meridian Channel Supply', regions: ['EMEA'] },
  { id: 'D-003', name: 'Pacific Rim Distributors', regions: ['APAC'] },
];

export type ContactRole = 'Primary' | 'Sales' | 'Technical' | 'Finance';

export interface PrmContact {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  role: ContactRole;
  isPrimary: boolean;
  status: 'Active' | 'Inactive';
}

export interface PrmCertification {
  id: string;
  accountId: string;
  contactId: string;
  productFamily: ProductFamily;
  level: 'Associate' | 'Professional' | 'Expert';
  status: 'Active' | 'Expired';
  certifiedOn: string;
  expiresOn: string;
}

export type DealRegistrationStatus = 'Submitted' | 'Approved' | 'Rejected' | 'Expired';

export interface PrmDealRegistration {
  id: string;
  accountId: string;
  customerName: string;
  /** The CRM account of the customer when it is already one; null for a new prospect. */
  customerAccountId: string | null;
  productFamily: ProductFamily;
  estimatedAmount: string;
  currencyCode: CurrencyCode;
  status: DealRegistrationStatus;
  submittedOn: string;
  expiresOn: string;
  /** Extra discount the registering partner is protected with while the registration is Approved. */
  protectedDiscountPercent: string;
}

/** Days a deal registration protects the partner, counted from submission. */
export const DEAL_REGISTRATION_DAYS = 90;
/** Days a certification stays valid. */
const CERTIFICATION_DAYS = 730;

const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chen',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kai',
  'Lena',
];
const LAST_NAMES = ['Ng', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Umar', 'Vogel', 'Weber'];
const ROLE_TITLES: Record<ContactRole, string> = {
  Primary: 'Channel Director',
  Sales: 'Account Executive',
  Technical: 'Solutions Engineer',
  Finance: 'Finance Manager',
};
const FAMILIES: ProductFamily[] = ['Network', 'Security', 'Cloud', 'Support'];
const CERTIFIED_SHARE: Record<PrmTierName, number> = {
  Registered: 0.3,
  Silver: 0.5,
  Gold: 0.7,
  Platinum: 0.9,
};
const PROSPECTS = ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Cyberdyne', 'Stark'];

/** Registered and Silver partners often buy through their region's distributor. */
export function pickDistributor(
  random: SeededRandom,
  tier: PrmTierName,
  region: PrmAccount['region'],
): PrmAccount['distributor'] {
  const viaDistributor = random.chance(0.6);
  if (!viaDistributor || (tier !== 'Registered' && tier !== 'Silver')) return null;
  const distributor = DISTRIBUTORS.find((d) => d.regions.includes(region));
  return distributor ? { id: distributor.id, name: distributor.name } : null;
}

function domainOf(partner: PrmAccount): string {
  return `${partner.name.split(' ')[0]!.toLowerCase()}${partner.id.slice(2)}.example`;
}

export function generateContacts(random: SeededRandom, partners: PrmAccount[]): PrmContact[] {
  const contacts: PrmContact[] = [];
  const roles: ContactRole[] = ['Sales', 'Technical', 'Finance'];
  for (const partner of partners) {
    const count = random.int(2, 5);
    for (let c = 0; c < count; c += 1) {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      const role: ContactRole = c === 0 ? 'Primary' : random.pick(roles);
      const id = sequenceNumber('CON-', contacts.length + 1, 6);
      contacts.push({
        id,
        accountId: partner.id,
        firstName,
        lastName,
        email: `${firstName}.${lastName}.${id.slice(4)}@${domainOf(partner)}`.toLowerCase(),
        title: ROLE_TITLES[role],
        role,
        isPrimary: c === 0,
        status: c === 0 || random.chance(0.9) ? 'Active' : 'Inactive',
      });
    }
  }
  return contacts;
}

export function generateCertifications(
  random: SeededRandom,
  partners: PrmAccount[],
  contacts: PrmContact[],
  calendar: SeedCalendar,
): PrmCertification[] {
  const contactsByPartner = new Map<string, PrmContact[]>();
  for (const contact of contacts) {
    contactsByPartner.set(contact.accountId, [...(contactsByPartner.get(contact.accountId) ?? []), contact]);
  }
  const { asOf, dayDate } = calendar;
  const certifications: PrmCertification[] = [];
  for (const partner of partners) {
    const tier = partner.partnerLevel.name;
    for (const productFamily of FAMILIES) {
      if (!random.chance(CERTIFIED_SHARE[tier])) continue;
      const certifiedOn = dayDate(random.int(-700, 300));
      const expiresOn = addDays(certifiedOn, CERTIFICATION_DAYS);
      const levelRoll = random.next();
      certifications.push({
        id: sequenceNumber('CRT-', certifications.length + 1, 6),
        accountId: partner.id,
        contactId: random.pick(contactsByPartner.get(partner.id) ?? []).id,
        productFamily,
        level:
          tier === 'Platinum' || levelRoll < 0.2 ? 'Expert' : levelRoll < 0.6 ? 'Professional' : 'Associate',
        status: expiresOn < asOf ? 'Expired' : 'Active',
        certifiedOn,
        expiresOn,
      });
    }
  }
  return certifications;
}

export function generateDealRegistrations(
  random: SeededRandom,
  partners: PrmAccount[],
  customersByPartner: ReadonlyMap<string, SfAccount[]>,
  calendar: SeedCalendar,
): PrmDealRegistration[] {
  const { asOf, dayDate } = calendar;
  const registrations: PrmDealRegistration[] = [];
  for (const partner of partners) {
    const count = random.int(0, 5);
    for (let r = 0; r < count; r += 1) {
      const sequence = registrations.length + 1;
      const customer = random.chance(0.7) ? random.pick(customersByPartner.get(partner.id) ?? []) : null;
      const submittedOn = dayDate(random.int(150, AS_OF_DAY - 5));
      const expiresOn = addDays(submittedOn, DEAL_REGISTRATION_DAYS);
      const roll = random.next();
      const decided: DealRegistrationStatus =
        roll < 0.65 ? 'Approved' : roll < 0.85 ? 'Submitted' : 'Rejected';
      registrations.push({
        id: sequenceNumber('DR-', sequence, 6),
        accountId: partner.id,
        customerName: customer ? customer.Name : `${random.pick(PROSPECTS)} Prospect ${sequence}`,
        customerAccountId: customer ? customer.Id : null,
        productFamily: random.pick(FAMILIES),
        estimatedAmount: (random.int(5, 500) * 1000).toFixed(2),
        currencyCode: partner.currencyCode,
        status: decided === 'Approved' && expiresOn < asOf ? 'Expired' : decided,
        submittedOn,
        expiresOn,
        protectedDiscountPercent: random.int(3, 8).toFixed(2),
      });
    }
  }
  return registrations;
}
