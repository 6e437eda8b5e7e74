import { DEV_IDENTITY_SECRET } from '../config';
import { IDENTITY_HEADER, signIdentity } from '../runtime';
import type { RunningStack } from '../scripts/stack';
import { pinBusinessDay } from './business-day';
import { graphqlAs, injectFault, legacyCalls, resetLegacy, startTestStack, tokenFor } from './stack';

/**
 * "Who am I and where do I stand" and deal registration, end to end through the gateway: the
 * partners subgraph over the PRM stand-in.
 */
const PRM = '/api/objects/v1';
const today = () => new Date().toISOString().slice(0, 10);

const PROFILE = /* GraphQL */ `
  query Profile($first: Int, $after: String, $status: [DealRegistrationStatus!]) {
    me {
      id
      currency
      annualQuota {
        amount
        currency
      }
      quarterlyQuota {
        amount
        currency
      }
      certifications {
        id
        productFamily
        level
        status
        expiresOn
        holder {
          id
        }
      }
      contacts {
        id
        firstName
        lastName
        email
        role
        primary
        status
      }
      dealRegistrations(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            customerName
            productFamily
            status
            expiresOn
            protectedDiscount
            estimatedAmount {
              amount
              currency
            }
          }
        }
      }
    }
  }
`;

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterDealInput!) {
    registerDeal(input: $input) {
      dealRegistration {
        id
        customerName
        customerAccountId
        productFamily
        status
        submittedOn
        expiresOn
        protectedDiscount
        estimatedAmount {
          amount
          currency
        }
        partner {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

interface RegistrationNode {
  id: string;
  customerName: string;
  productFamily: string;
  status: string;
  expiresOn: string;
  protectedDiscount: string;
  estimatedAmount: { amount: string; currency: string };
}
interface ProfileData {
  me: {
    id: string;
    currency: string;
    annualQuota: { amount: string; currency: string };
    quarterlyQuota: { amount: string; currency: string };
    certifications: Array<{
      id: string;
      productFamily: string;
      level: string;
      status: string;
      expiresOn: string;
      holder: { id: string } | null;
    }>;
    contacts: Array<{ id: string; email: string; role: string; primary: boolean; status: string }>;
    dealRegistrations: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: RegistrationNode }>;
    };
  };
}
interface RegisterData {
  registerDeal: {
    dealRegistration: (RegistrationNode & { submittedOn: string; partner: { id: string } }) | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  } | null;
}

describe('partners: profile, certifications, contacts and deal registrations', () => {
  let stack: RunningStack;
  let prmUrl: string;

  beforeAll(async () => {
    pinBusinessDay();
    stack = await startTestStack();
    prmUrl = stack.urls.legacy.prm!;
  });
  afterAll(async () => {
    await stack?.close();
    jest.useRealTimers();
  });
  beforeEach(async () => {
    await resetLegacy(prmUrl);
  });

  const dataset = () => stack.legacy!.dataset;
  const effectiveRegistrationStatus = (r: { status: string; expiresOn: string }) =>
    (r.status === 'Submitted' || r.status === 'Approved') && r.expiresOn < today()
      ? 'EXPIRED'
      : r.status.toUpperCase();
  const newestFirst = (a: { submittedOn: string; id: string }, b: { submittedOn: string; id: string }) =>
    b.submittedOn.localeCompare(a.submittedOn) || b.id.localeCompare(a.id);

  it('answers `me` with quotas, certifications, contacts and registrations as the PRM has them', async () => {
    const response = await graphqlAs<ProfileData>(await tokenFor('P-00004'), stack.urls.gateway, PROFILE, {
      first: 100,
    });

    expect(response.errors).toBeUndefined();
    const me = response.data!.me;
    const account = dataset().partners.find((p) => p.id === 'P-00004')!;
    expect(me.annualQuota).toEqual({ amount: account.annualQuota, currency: account.currencyCode });
    expect(me.quarterlyQuota).toEqual({
      amount: (Number(account.annualQuota) / 4).toFixed(2),
      currency: account.currencyCode,
    });
    const certifications = dataset().certifications.filter((c) => c.accountId === 'P-00004');
    expect(me.certifications).toEqual(
      certifications.map((c) => ({
        id: c.id,
        productFamily: c.productFamily.toUpperCase(),
        level: c.level.toUpperCase(),
        status: c.status === 'Active' && c.expiresOn >= today() ? 'ACTIVE' : 'EXPIRED',
        expiresOn: c.expiresOn,
        holder: { id: c.contactId },
      })),
    );
    expect(me.certifications.map((c) => c.status)).toContain('EXPIRED');
    const contacts = dataset().contacts.filter((c) => c.accountId === 'P-00004');
    expect(me.contacts).toEqual(
      contacts.map((c) => ({
        id: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        role: c.role.toUpperCase(),
        primary: c.isPrimary,
        status: c.status.toUpperCase(),
      })),
    );
    const registrations = dataset()
      .dealRegistrations.filter((r) => r.accountId === 'P-00004')
      .sort(newestFirst);
    expect(me.dealRegistrations.totalCount).toBe(registrations.length);
    expect(me.dealRegistrations.edges.map((edge) => edge.node)).toEqual(
      registrations.map((r) => ({
        id: r.id,
        customerName: r.customerName,
        productFamily: r.productFamily.toUpperCase(),
        status: effectiveRegistrationStatus(r),
        expiresOn: r.expiresOn,
        protectedDiscount: r.protectedDiscountPercent,
        estimatedAmount: { amount: r.estimatedAmount, currency: r.currencyCode },
      })),
    );
  });

  it('costs one PRM call per list, however many fields ask for them', async () => {
    const response = await graphqlAs<ProfileData>(await tokenFor('P-00001'), stack.urls.gateway, PROFILE);

    expect(response.errors).toBeUndefined();
    expect(await legacyCalls(prmUrl)).toEqual({
      [`GET ${PRM}/Account`]: 1,
      [`GET ${PRM}/Certification`]: 1,
      [`GET ${PRM}/Contact`]: 1,
      [`GET ${PRM}/DealRegistration`]: 1,
    });
  });

  it('pages registrations with first/after and filters them by status', async () => {
    const token = await tokenFor('P-00006');
    const expected = dataset()
      .dealRegistrations.filter((r) => r.accountId === 'P-00006')
      .sort(newestFirst);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: Awaited<ReturnType<typeof graphqlAs<ProfileData>>> = await graphqlAs<ProfileData>(
        token,
        stack.urls.gateway,
        PROFILE,
        { first: 2, after },
      );
      expect(response.errors).toBeUndefined();
      const connection = response.data!.me.dealRegistrations;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.id));

    const expired = await graphqlAs<ProfileData>(token, stack.urls.gateway, PROFILE, {
      first: 100,
      status: ['EXPIRED'],
    });
    const expiredIds = expected.filter((r) => effectiveRegistrationStatus(r) === 'EXPIRED').map((r) => r.id);
    expect(expiredIds.length).toBeGreaterThan(0);
    expect(expired.data!.me.dealRegistrations.edges.map((edge) => edge.node.id)).toEqual(expiredIds);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 5, after: 'forged' }, 'after'],
  ])('rejects paging arguments %j with BAD_USER_INPUT naming the argument', async (args, field) => {
    const response = await graphqlAs(await tokenFor('P-00001'), stack.urls.gateway, PROFILE, args);

    expect(response.errors?.[0]).toMatchObject({
      path: ['me', 'dealRegistrations'],
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  });

  it("forbids another partner's certifications and registrations, without calling the PRM", async () => {
    const response = await graphqlAs(
      await tokenFor('P-00001', ['partner_admin']),
      stack.urls.gateway,
      '{ partner(id: "P-00002") { id certifications { id } dealRegistrations { totalCount } } }',
    );

    expect(response.data).toEqual({ partner: null });
    expect(response.errors?.[0]).toMatchObject({ path: ['partner'], extensions: { code: 'FORBIDDEN' } });
    expect(await legacyCalls(prmUrl)).toEqual({});
  });

  it("lets a channel manager read any partner's standing", async () => {
    const response = await graphqlAs<{
      partner: { contacts: unknown[]; dealRegistrations: { totalCount: number } };
    }>(
      await tokenFor('P-00001', ['channel_manager']),
      stack.urls.gateway,
      '{ partner(id: "P-00007") { contacts { id } dealRegistrations { totalCount } } }',
    );

    expect(response.errors).toBeUndefined();
    expect(response.data!.partner.dealRegistrations.totalCount).toBe(
      dataset().dealRegistrations.filter((r) => r.accountId === 'P-00007').length,
    );
  });

  it('serves the partner with a coded error at the registrations when the PRM fails there', async () => {
    await injectFault(prmUrl, { route: `GET ${PRM}/DealRegistration`, down: true });

    const response = await graphqlAs<{
      me: { id: string; contacts: unknown[]; dealRegistrations: unknown } | null;
    }>(
      await tokenFor('P-00001'),
      stack.urls.gateway,
      '{ me { id contacts { id } dealRegistrations { totalCount } } }',
    );

    expect(response.data?.me).toEqual({
      id: 'P-00001',
      contacts: dataset()
        .contacts.filter((contact) => contact.accountId === 'P-00001')
        .map((contact) => ({ id: contact.id })),
      dealRegistrations: null,
    });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['me', 'dealRegistrations'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'prm' } },
    });
  });

  it("refuses another partner's deal registration asked for as an entity, even with a valid signature", async () => {
    const foreign = dataset().dealRegistrations.find((r) => r.accountId === 'P-00002')!;
    const own = dataset().dealRegistrations.find((r) => r.accountId === 'P-00001')!;
    const header = signIdentity(
      { sub: 'u', partnerId: 'P-00001', roles: ['partner_rep'] },
      DEV_IDENTITY_SECRET,
    );

    const response = await graphqlAs<{ _entities: Array<{ id: string } | null> }>(
      undefined,
      stack.urls.subgraphs.partners!,
      `{ _entities(representations: [{ __typename: "DealRegistration", id: "${own.id}" }, { __typename: "DealRegistration", id: "${foreign.id}" }]) { ... on DealRegistration { id customerName } } }`,
      undefined,
      { [IDENTITY_HEADER]: header },
    );

    expect(response.data?._entities).toEqual([{ id: own.id, customerName: own.customerName }, null]);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'FORBIDDEN' } });
  });

  describe('registerDeal', () => {
    const input = (overrides: Record<string, unknown> = {}) => ({
      customerName: 'Partners Test Customer',
      productFamily: 'SECURITY',
      estimatedAmount: '42000.5',
      ...overrides,
    });

    it('registers a deal: SUBMITTED for 90 days in my currency, and listed as mine afterwards', async () => {
      const token = await tokenFor('P-00005', ['partner_rep']);

      const response = await graphqlAs<RegisterData>(token, stack.urls.gateway, REGISTER, {
        input: input({ customerAccountId: '00100000000000GAAA' }),
      });

      expect(response.errors).toBeUndefined();
      const { dealRegistration, userErrors } = response.data!.registerDeal!;
      expect(userErrors).toEqual([]);
      const submittedOn = today();
      const expiresOn = new Date(Date.parse(`${submittedOn}T00:00:00Z`) + 90 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(dealRegistration).toMatchObject({
        customerName: 'Partners Test Customer',
        customerAccountId: '00100000000000GAAA',
        productFamily: 'SECURITY',
        status: 'SUBMITTED',
        submittedOn,
        expiresOn,
        estimatedAmount: { amount: '42000.50', currency: 'EUR' },
        partner: { id: 'P-00005' },
      });
      const listed = await graphqlAs<ProfileData>(token, stack.urls.gateway, PROFILE, {
        status: ['SUBMITTED'],
        first: 100,
      });
      expect(listed.data!.me.dealRegistrations.edges.map((edge) => edge.node.id)).toContain(
        dealRegistration!.id,
      );
    });

    it('answers a repeated registration with CONFLICT and the registration the first one made', async () => {
      const token = await tokenFor('P-00008', ['partner_admin']);
      const first = await graphqlAs<RegisterData>(token, stack.urls.gateway, REGISTER, {
        input: input({ customerName: 'Repeat Customer' }),
      });
      const created = first.data!.registerDeal!.dealRegistration!;

      const again = await graphqlAs<RegisterData>(token, stack.urls.gateway, REGISTER, {
        input: input({ customerName: '  repeat customer ' }),
      });

      expect(again.errors).toBeUndefined();
      expect(again.data!.registerDeal).toMatchObject({
        dealRegistration: { id: created.id },
        userErrors: [
          { code: 'CONFLICT', field: 'customerName', message: expect.stringContaining(created.id) },
        ],
      });
    });

    it('answers CONFLICT without the registration when another partner holds the deal', async () => {
      const held = dataset().dealRegistrations.find(
        (r) => r.accountId === 'P-00007' && effectiveRegistrationStatus(r) === 'APPROVED',
      )!;

      const response = await graphqlAs<RegisterData>(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        REGISTER,
        {
          input: input({ customerName: held.customerName, productFamily: held.productFamily.toUpperCase() }),
        },
      );

      expect(response.data!.registerDeal).toEqual({
        dealRegistration: null,
        userErrors: [
          {
            code: 'CONFLICT',
            field: 'customerName',
            message: expect.stringMatching(/by another partner/),
          },
        ],
      });
    });

    it.each([
      ['a negative amount', { estimatedAmount: '-5' }, 'estimatedAmount'],
      ['a zero amount', { estimatedAmount: '0' }, 'estimatedAmount'],
      ['an amount with 3 decimal places', { estimatedAmount: '10.123' }, 'estimatedAmount'],
      ['a blank customer name', { customerName: '   ' }, 'customerName'],
      ['a 201-character customer name', { customerName: 'x'.repeat(201) }, 'customerName'],
      ['a blank customer account id', { customerAccountId: ' ' }, 'customerAccountId'],
    ])(
      'refuses %s with BAD_USER_INPUT on the field, without calling the PRM',
      async (_case, overrides, field) => {
        const response = await graphqlAs<RegisterData>(
          await tokenFor('P-00001'),
          stack.urls.gateway,
          REGISTER,
          {
            input: input(overrides),
          },
        );

        expect(response.data!.registerDeal).toMatchObject({
          dealRegistration: null,
          userErrors: [{ code: 'BAD_USER_INPUT', field }],
        });
        expect((await legacyCalls(prmUrl))[`POST ${PRM}/DealRegistration`]).toBeUndefined();
      },
    );

    it.each([
      ["another partner's customer", () => dataset().customers.find((c) => c.Partner__c !== 'P-00001')!.Id],
      ['a well-formed id that names no account', () => '001000000000ZZZAAA'],
    ])('refuses %s as the customer account, without writing to the PRM', async (_case, customerId) => {
      const customerAccountId = customerId();

      const response = await graphqlAs<RegisterData>(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        REGISTER,
        { input: input({ customerName: 'Borrowed Customer', customerAccountId }) },
      );

      expect(response.errors).toBeUndefined();
      expect(response.data!.registerDeal).toEqual({
        dealRegistration: null,
        userErrors: [
          {
            code: 'NOT_FOUND',
            field: 'customerAccountId',
            message: `${customerAccountId} is not one of your customers`,
          },
        ],
      });
      expect((await legacyCalls(prmUrl))[`POST ${PRM}/DealRegistration`]).toBeUndefined();
    });

    it('refuses a customer account id of no legacy format with BAD_USER_INPUT, asking neither the CPQ nor the PRM', async () => {
      const cpqCallsBefore = await legacyCalls(stack.urls.legacy.cpq!);
      const response = await graphqlAs<RegisterData>(
        await tokenFor('P-00001'),
        stack.urls.gateway,
        REGISTER,
        { input: input({ customerName: 'Borrowed Customer', customerAccountId: '../../x?y=1#' }) },
      );

      expect(response.errors).toBeUndefined();
      expect(response.data!.registerDeal!.dealRegistration).toBeNull();
      expect(response.data!.registerDeal!.userErrors).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'customerAccountId' }),
      ]);
      expect((await legacyCalls(prmUrl))[`POST ${PRM}/DealRegistration`]).toBeUndefined();
      expect(await legacyCalls(stack.urls.legacy.cpq!)).toEqual(cpqCallsBefore);
    });

    it('refuses a suspended partner with FORBIDDEN', async () => {
      const suspended = dataset().partners.find((p) => p.accountStatus !== 'Active')!;

      const response = await graphqlAs<RegisterData>(
        await tokenFor(suspended.id),
        stack.urls.gateway,
        REGISTER,
        {
          input: input(),
        },
      );

      expect(response.data!.registerDeal!.userErrors).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', field: null }),
      ]);
    });

    it('is not for channel managers: FORBIDDEN, and the PRM never sees it', async () => {
      const response = await graphqlAs<RegisterData>(
        await tokenFor('P-00001', ['channel_manager']),
        stack.urls.gateway,
        REGISTER,
        { input: input() },
      );

      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({
        path: ['registerDeal'],
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await legacyCalls(prmUrl)).toEqual({});
    });

    it('reports a PRM outage as UPSTREAM_UNAVAILABLE and tries once', async () => {
      await injectFault(prmUrl, { route: `POST ${PRM}/DealRegistration`, errorRate: 1, errorStatus: 503 });

      const response = await graphqlAs<RegisterData>(
        await tokenFor('P-00002'),
        stack.urls.gateway,
        REGISTER,
        {
          input: input({ customerName: 'Outage Customer' }),
        },
      );

      expect(response.errors?.[0]).toMatchObject({
        path: ['registerDeal'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'prm', operation: 'registerDeal' } },
      });
      expect((await legacyCalls(prmUrl))[`POST ${PRM}/DealRegistration`]).toBe(1);
    });
  });
});

describe("partners: the viewer's own partner while the PRM fails", () => {
  let stack: RunningStack;
  let prmUrl: string;

  beforeAll(async () => {
    // Breakers stay closed: each case must see its own fault, not the previous case's open breaker.
    stack = await startTestStack({ BREAKER_VOLUME_THRESHOLD: '1000' });
    prmUrl = stack.urls.legacy.prm!;
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(async () => {
    await resetLegacy(prmUrl);
  });

  type Me = {
    me: {
      id: string;
      name: string | null;
      status: string | null;
      certifications: unknown[] | null;
      quotes: {
        totalCount: number;
        edges: Array<{ node: { partner: { id: string; tier: string | null } } }>;
      };
    } | null;
  };
  const ME = /* GraphQL */ `
    {
      me {
        id
        name
        status
        certifications {
          id
        }
        quotes(first: 1) {
          totalCount
          edges {
            node {
              partner {
                id
                tier
              }
            }
          }
        }
      }
    }
  `;

  it.each([
    ['down', 'UPSTREAM_UNAVAILABLE', { down: true }],
    ['rate limiting past the deadline', 'UPSTREAM_RATE_LIMITED', { rateLimitRetryAfterSeconds: 3600 }],
  ])(
    "PRM %s: `me` and a quote's partner keep their id and the quotes, each PRM field null with %s",
    async (_fault, code, fault) => {
      await injectFault(prmUrl, fault);
      const response = await graphqlAs<Me>(await tokenFor('P-00001'), stack.urls.gateway, ME);

      const quoteCount = stack.legacy!.dataset.quotes.filter((q) => q.SBQQ__Partner__c === 'P-00001').length;
      expect(response.data).toEqual({
        me: {
          id: 'P-00001',
          name: null,
          status: null,
          certifications: null,
          quotes: { totalCount: quoteCount, edges: [{ node: { partner: { id: 'P-00001', tier: null } } }] },
        },
      });
      const failedPaths = [
        ['me', 'name'],
        ['me', 'status'],
        ['me', 'certifications'],
        ['me', 'quotes', 'edges', 0, 'node', 'partner', 'tier'],
      ];
      expect(response.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(failedPaths));
      expect(response.errors).toHaveLength(failedPaths.length);
      for (const error of response.errors!) {
        expect(error.extensions).toMatchObject({
          code,
          upstream: { system: 'prm', operation: 'getAccounts' },
        });
      }
    },
  );

  it("keeps a deal registration whose partner the PRM cannot read, with the partner's id", async () => {
    const own = stack.legacy!.dataset.dealRegistrations.find((r) => r.accountId === 'P-00001')!;
    await injectFault(prmUrl, { route: `GET ${PRM}/Account`, down: true });
    const header = signIdentity(
      { sub: 'u', partnerId: 'P-00001', roles: ['partner_rep'] },
      DEV_IDENTITY_SECRET,
    );

    const response = await graphqlAs<{ _entities: unknown[] }>(
      undefined,
      stack.urls.subgraphs.partners!,
      `{ _entities(representations: [{ __typename: "DealRegistration", id: "${own.id}" }]) { ... on DealRegistration { id partner { id name } } } }`,
      undefined,
      { [IDENTITY_HEADER]: header },
    );

    expect(response.data?._entities).toEqual([{ id: own.id, partner: { id: 'P-00001', name: null } }]);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'partner', 'name'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'prm', operation: 'getAccounts' } },
    });
  });

  it("keeps another partner a channel manager reads null as a whole: only the viewer's own is known without the PRM", async () => {
    await injectFault(prmUrl, { down: true });
    const response = await graphqlAs<{ partner: unknown }>(
      await tokenFor('P-00001', ['channel_manager']),
      stack.urls.gateway,
      '{ partner(id: "P-00007") { id name } }',
    );

    expect(response.data).toEqual({ partner: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['partner'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { system: 'prm' } },
    });
  });

  it('answers `me: null` for a partner the PRM does not have, the PRM up', async () => {
    const response = await graphqlAs<{ me: unknown }>(
      await tokenFor('P-09999'),
      stack.urls.gateway,
      '{ me { id name } }',
    );

    expect(response.data).toEqual({ me: null });
    expect(response.errors).toBeUndefined();
    expect(await legacyCalls(prmUrl)).toEqual({ [`GET ${PRM}/Account`]: 1 });
  });
});
