import {
  businessDay,
  Decimal,
  type DealRegistration,
  type DealRegistrationStatus,
  dealRegistrationStatusOn,
} from '../../domain';
import { isUpstreamConflict } from '../../runtime';
import {
  assertCanWrite,
  identifierUserError,
  idempotencyKeyProblem,
  pageOf,
  type PageRequest,
  refusalAsUserError,
  reusedKeyUserError,
  scopedIdempotencyKey,
  userError,
  type UserError,
} from '../host';
import type { RegisterDealInput } from './generated/resolvers-types';
import type { PartnersContext } from './context';

/** A partner's deal registrations as the schema lists them: newest first, filtered by status on today. */
export function registrationsPage(
  registrations: readonly DealRegistration[],
  status: readonly DealRegistrationStatus[] | null | undefined,
  page: PageRequest,
) {
  const today = businessDay();
  const statuses = status && status.length > 0 ? new Set(status) : undefined;
  const listed = registrations
    .filter((registration) => !statuses || statuses.has(dealRegistrationStatusOn(registration, today)))
    .sort((a, b) => b.submittedOn.localeCompare(a.submittedOn) || b.id.localeCompare(a.id));
  return pageOf(listed, page);
}

/**
 * A registration by id. The PRM reads registrations one id per call, so the viewer's own partner's
 * list (one call, and usually already loaded) answers first; only ids not in it cost a call each.
 */
export async function registrationById(
  context: PartnersContext,
  id: string,
): Promise<DealRegistration | null> {
  const own = await context.prm.dealRegistrationsByPartnerId.load(context.viewer.partnerId);
  return own.find((registration) => registration.id === id) ?? context.prm.dealRegistrationById.load(id);
}

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

function invalidInput(input: RegisterDealInput): UserError | undefined {
  const name = input.customerName.trim();
  if (name.length < 1 || name.length > 200) {
    return userError('BAD_USER_INPUT', 'The customer name must be 1 to 200 characters', 'customerName');
  }
  if (!AMOUNT.test(input.estimatedAmount) || new Decimal(input.estimatedAmount).lte(0)) {
    return userError(
      'BAD_USER_INPUT',
      `The estimated amount must be a positive decimal with up to 2 places, got "${input.estimatedAmount}"`,
      'estimatedAmount',
    );
  }
  if (input.customerAccountId !== undefined && input.customerAccountId !== null) {
    return identifierUserError('customerAccountId', input.customerAccountId, 'customerAccountId');
  }
  return undefined;
}

/**
 * The PRM refuses a customer and family that an open registration already holds (409) without
 * saying whose it is. When it is the viewer's own, the payload carries it: a request repeated after
 * a lost answer finds the registration the first one made (the PRM takes no idempotency key).
 */
async function conflictOf(
  context: PartnersContext,
  input: RegisterDealInput,
): Promise<{ dealRegistration: DealRegistration | null; userErrors: UserError[] }> {
  const { prm, viewer } = context;
  prm.dealRegistrationsByPartnerId.clear(viewer.partnerId);
  const today = businessDay();
  const own = (await prm.dealRegistrationsByPartnerId.load(viewer.partnerId)).find(
    (registration) =>
      registration.productFamily === input.productFamily &&
      registration.customerName.toLowerCase() === input.customerName.trim().toLowerCase() &&
      ['SUBMITTED', 'APPROVED'].includes(dealRegistrationStatusOn(registration, today)),
  );
  return own
    ? {
        dealRegistration: own,
        userErrors: [
          userError(
            'CONFLICT',
            `You registered this customer for ${input.productFamily} already, as ${own.id}`,
            'customerName',
          ),
        ],
      }
    : {
        dealRegistration: null,
        userErrors: [
          userError(
            'CONFLICT',
            `${input.customerName.trim()} is already registered for ${input.productFamily} by another partner`,
            'customerName',
          ),
        ],
      };
}

/**
 * The PRM takes any customer account id, so the check is ours: the account must be one of the
 * partner's customers in the CPQ, as for a new quote, or a partner could claim another's customer.
 * Someone else's customer and an id that names no account get the same answer, so neither leaks.
 */
async function customerProblem(
  { cpq }: PartnersContext,
  partnerId: string,
  customerAccountId: string | null | undefined,
): Promise<UserError | undefined> {
  if (customerAccountId === undefined || customerAccountId === null) return undefined;
  const customer = await cpq.customerById.load(customerAccountId);
  return customer?.id === customerAccountId && customer.partnerId === partnerId
    ? undefined
    : userError('NOT_FOUND', `${customerAccountId} is not one of your customers`, 'customerAccountId');
}

function isRegistrationOf(registration: DealRegistration, input: RegisterDealInput): boolean {
  return (
    registration.customerName === input.customerName.trim() &&
    registration.customerAccountId === (input.customerAccountId ?? null) &&
    registration.productFamily === input.productFamily &&
    new Decimal(registration.estimatedAmount.amount).eq(input.estimatedAmount)
  );
}

/**
 * With an idempotency key the PRM's duplicate rule answers a repeat with the registration the first
 * request made, so a retry after a timeout never registers twice.
 */
export async function registerDeal(
  context: PartnersContext,
  input: RegisterDealInput,
  idempotencyKey?: string | null,
) {
  const { viewer, prm, prmCommands } = context;
  assertCanWrite(viewer);
  const invalid = idempotencyKeyProblem(idempotencyKey) ?? invalidInput(input);
  if (invalid) return { dealRegistration: null, userErrors: [invalid] };
  const partner = await prm.partnerById.load(viewer.partnerId);
  if (!partner || partner.status !== 'ACTIVE') {
    return {
      dealRegistration: null,
      userErrors: [
        userError('FORBIDDEN', `Partner ${viewer.partnerId} is not active and may not register deals`),
      ],
    };
  }
  const notOwnCustomer = await customerProblem(context, partner.id, input.customerAccountId);
  if (notOwnCustomer) return { dealRegistration: null, userErrors: [notOwnCustomer] };
  try {
    const dealRegistration = await prmCommands.registerDeal({
      partnerId: partner.id,
      customerName: input.customerName.trim(),
      customerAccountId: input.customerAccountId ?? null,
      productFamily: input.productFamily,
      estimatedAmount: input.estimatedAmount,
      idempotencyKey: scopedIdempotencyKey(partner.id, idempotencyKey),
    });
    prm.dealRegistrationsByPartnerId.clear(partner.id);
    // The PRM answers a repeated reference with the registration it made first, whatever else the
    // repeat says: a key reused for another registration must not pass that one off as this one.
    if (!isRegistrationOf(dealRegistration, input)) {
      return { dealRegistration: null, userErrors: [reusedKeyUserError('registration')] };
    }
    return { dealRegistration, userErrors: [] };
  } catch (error) {
    if (isUpstreamConflict(error)) return conflictOf(context, input);
    return { dealRegistration: null, userErrors: [refusalAsUserError(error, 'the registration')] };
  }
}
